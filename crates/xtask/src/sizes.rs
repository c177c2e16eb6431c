//! The size report of a build: what the user downloads and what the budgets of ARCHITECTURE.md
//! measure. `assemble` fills it in while it checks the budgets, `cargo xtask build` prints it and
//! `cargo xtask bench` hands it to the browser benchmark, so both show the same figures.

use serde_json::json;

/// One wasm module of `dist/extension`.
pub struct WasmSize {
    /// Path relative to `dist/extension`, e.g. `wasm/overlay_bg.wasm`.
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    /// The module's own budget, gzipped.
    pub gzip_budget: u64,
}

/// Sizes of the shipped files, in bytes.
pub struct SizeReport {
    pub content_raw: u64,
    /// Minified by esbuild: the measure of the content-script budget.
    pub content_minified: u64,
    pub content_budget: u64,
    pub wasm: Vec<WasmSize>,
    /// The store zip's file name and size, once written.
    pub zip: Option<(String, u64)>,
}

impl SizeReport {
    /// All wasm modules together, gzipped (what the store zip carries; each context loads one).
    pub fn wasm_gzip_total(&self) -> u64 {
        self.wasm.iter().map(|w| w.gzip).sum()
    }

    /// A markdown table, the form the docs and the bench report use.
    pub fn markdown(&self) -> String {
        let mut rows = vec![
            "| file | raw | measured | budget |".to_string(),
            "| --- | --- | --- | --- |".to_string(),
            format!(
                "| content.js | {} | {} minified | ≤ {} minified |",
                kib(self.content_raw),
                kib(self.content_minified),
                kib(self.content_budget)
            ),
        ];
        for w in &self.wasm {
            rows.push(format!(
                "| {} | {} | {} gzip | ≤ {} gzip |",
                w.name,
                kib(w.raw),
                kib(w.gzip),
                kib(w.gzip_budget)
            ));
        }
        if let Some((name, size)) = &self.zip {
            rows.push(format!("| {name} (store zip) | {} | | |", kib(*size)));
        }
        rows.join("\n")
    }

    /// The figures, and the same table as `markdown` so every report prints it alike.
    pub fn to_json(&self) -> serde_json::Value {
        json!({
            "markdown": self.markdown(),
            "content_script": {
                "raw": self.content_raw,
                "minified": self.content_minified,
                "budget_minified": self.content_budget,
            },
            "wasm": self.wasm.iter().map(|w| json!({
                "name": w.name, "raw": w.raw, "gzip": w.gzip, "gzip_budget": w.gzip_budget,
            })).collect::<Vec<_>>(),
            "wasm_gzip_total": self.wasm_gzip_total(),
            "zip": self.zip.as_ref().map(|(name, size)| json!({ "name": name, "size": size })),
        })
    }
}

/// Bytes with their KiB, the unit of the budgets (12 KB = 12 × 1024 bytes).
fn kib(bytes: u64) -> String {
    format!("{bytes} B ({:.1} KB)", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> SizeReport {
        SizeReport {
            content_raw: 14_000,
            content_minified: 5_095,
            content_budget: 12 * 1024,
            wasm: vec![
                WasmSize {
                    name: "wasm/worker_bg.wasm".to_string(),
                    raw: 300_000,
                    gzip: 120_000,
                    gzip_budget: 150 * 1024,
                },
                WasmSize {
                    name: "wasm/overlay_bg.wasm".to_string(),
                    raw: 400_000,
                    gzip: 69_257,
                    gzip_budget: 140 * 1024,
                },
            ],
            zip: Some(("secops-wayfinder-0.1.0.zip".to_string(), 250_000)),
        }
    }

    #[test]
    fn markdown_lists_every_file_with_its_budget() {
        let table = report().markdown();
        assert!(table.contains("| content.js | 14000 B (13.7 KB) | 5095 B (5.0 KB) minified | ≤ 12288 B (12.0 KB) minified |"));
        assert!(table.contains(
            "| wasm/worker_bg.wasm | 300000 B (293.0 KB) | 120000 B (117.2 KB) gzip | ≤ 153600 B (150.0 KB) gzip |"
        ));
        assert!(table.contains(
            "| wasm/overlay_bg.wasm | 400000 B (390.6 KB) | 69257 B (67.6 KB) gzip | ≤ 143360 B (140.0 KB) gzip |"
        ));
        assert!(table.contains("secops-wayfinder-0.1.0.zip (store zip) | 250000 B"));
    }

    #[test]
    fn json_carries_the_totals() {
        let v = report().to_json();
        assert_eq!(v["wasm_gzip_total"], 189_257);
        assert_eq!(v["wasm"][1]["gzip_budget"], 140 * 1024);
        assert_eq!(v["content_script"]["minified"], 5_095);
        assert_eq!(v["zip"]["size"], 250_000);
        assert!(v["markdown"].as_str().unwrap().starts_with("| file |"));
    }
}
