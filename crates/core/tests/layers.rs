//! The core's top-level modules form layers, and this test keeps them so.
//!
//! Why: a module that imports from a module above it closes a cycle (the upper one already
//! builds on it), and a cycle makes every module in it a dependency of every other: none can be
//! read, tested or changed alone. The layers say what may build on what; the table below is the
//! one place that says which module sits in which layer, so a new module must be placed here
//! before the test passes.
//!
//! How: each source file under `src/` belongs to the top-level module its path names
//! (`src/sync/facts.rs` is `sync`). Its code (comments, strings and character literals left
//! out) is scanned for `crate::…` paths and for `super::…` paths that climb out of the
//! top-level module; each names the top-level module it reaches. A path into a higher layer
//! fails with its file and line. Paths within one layer are allowed as long as they form no
//! cycle; a cycle fails with one file and line for each of its edges.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The layers, bottom up: a module may use modules of its own layer (without a cycle) and of
/// the layers below.
const LAYERS: &[(&str, u8)] = &[
    // 1. Plain values: ids, URLs, dates and times, hand-written decoders. No core imports.
    ("ids", 1),
    ("url", 1),
    ("dates", 1),
    ("time", 1),
    ("wire", 1),
    ("json_read", 1),
    ("tree_decoder", 1),
    // 2. The vocabulary every feature speaks: overlay items and links, probes and anchors,
    //    page readings, the portals, the app registration.
    ("model", 2),
    // 3. What the extension knows (the catalog) and how a URL reads (the route).
    ("catalog", 3),
    ("route", 3),
    // 4. What the user chose.
    ("settings", 4),
    // 5. Features, each producing its own items, marks or views.
    ("hints", 5),
    ("retirement", 5),
    ("notices", 5),
    ("trainer", 5),
    ("sync", 5),
    ("onboarding", 5),
    ("search", 5),
    ("arm", 5),
    // 6. Composition: the overlay plan of a page.
    ("plan", 6),
    // When the panel opens by itself: news from a plan, a probe report or a sync view.
    ("attention", 6),
    // 7. The messages between the extension's parts, and who may send which.
    ("protocol", 7),
    ("router", 7),
    // What the popup saves of a tab's view: its sanitized structure with the tab's probe report.
    ("view_report", 7),
];

/// Edges (from module, to module) still allowed against the layers, each with its reason. The
/// list only shrinks: an entry that no longer matches any import fails the test.
const ALLOWED: &[(&str, &str, &str)] = &[];

/// One import of another top-level module.
#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    file: String,
    line: usize,
}

fn layer_of(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// `src/a/b.rs` → `["a", "b"]`; `src/a/mod.rs` → `["a"]`; `src/lib.rs` → `[]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file with comments, string literals and character literals blanked out
/// (newlines kept, so line numbers stay right).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !b[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push_str(&" ".repeat(j + 1 - i));
            i = j + 1;
            while i < b.len() {
                if b[i] == '"' && (1..=hashes).all(|k| b.get(i + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(b[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < b.len() {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..b.len()).find(|&j| b[j] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push_str(&" ".repeat(end + 1 - i));
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !is_ident(c)).unwrap_or(s.len());
    &s[..end]
}

/// The first segments of the paths after `crate::` (several for a `{…}` group).
fn first_segments(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident(rest).to_string()];
    };
    let mut depth = 0;
    let mut items = Vec::new();
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
        .into_iter()
        .map(|item| ident(item.trim()).to_string())
        .filter(|s| !s.is_empty() && s != "self")
        .collect()
}

/// The top-level modules a file's code reaches, with the line of each reach.
fn reaches(module: &[String], code: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    // Inline modules (`mod tests { … }`) open at a brace depth; `super::` inside climbs from them.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut line = 1;
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let before = code[..at].chars().next_back();
        let boundary = !before.is_some_and(|p| is_ident(p) || p == '$' || p == ':');
        let rest = &code[at..];
        match c {
            '\n' => line += 1,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            'm' if boundary && rest.starts_with("mod ") => {
                let name = ident(rest[4..].trim_start());
                let after = rest[4..].trim_start()[name.len()..].trim_start();
                if after.starts_with('{') {
                    inline.push((name.to_string(), depth));
                }
            }
            'c' if boundary && rest.starts_with("crate::") => {
                for target in first_segments(&rest["crate::".len()..]) {
                    found.push((target, line));
                }
            }
            's' if boundary && rest.starts_with("super::") => {
                let mut ups = 0;
                let mut tail = rest;
                while let Some(t) = tail.strip_prefix("super::") {
                    ups += 1;
                    tail = t.trim_start();
                }
                let mut here: Vec<String> = module.to_vec();
                here.extend(inline.iter().map(|(n, _)| n.clone()));
                let kept = here.len().saturating_sub(ups);
                if kept == 0 {
                    for target in first_segments(tail) {
                        found.push((target, line));
                    }
                }
                k += "super::".len() * ups;
                continue;
            }
            _ => {}
        }
        k += 1;
    }
    found
}

/// Every import of one top-level module by another, from the sources under `src`.
fn edges(src: &Path) -> Vec<Edge> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let module = module_path(src, &file);
        let Some(top) = module.first() else {
            continue;
        };
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file
            .strip_prefix(src.parent().unwrap_or(src))
            .unwrap_or(&file)
            .display()
            .to_string();
        for (to, line) in reaches(&module, &code_only(&text)) {
            if &to != top {
                out.push(Edge {
                    from: top.clone(),
                    to,
                    file: name.clone(),
                    line,
                });
            }
        }
    }
    out
}

fn allowed(edge: &Edge, allow: &[(&str, &str, &str)]) -> bool {
    allow
        .iter()
        .any(|(from, to, _)| *from == edge.from && *to == edge.to)
}

/// Every way the edges break the layers, one line each; empty when they keep them.
fn violations(edges: &[Edge], allow: &[(&str, &str, &str)]) -> Vec<String> {
    let mut out = Vec::new();
    for e in edges {
        match (layer_of(&e.from), layer_of(&e.to)) {
            (None, _) => out.push(format!(
                "{}:{}: module `{}` is not in the layer table",
                e.file, e.line, e.from
            )),
            (_, None) => out.push(format!(
                "{}:{}: `crate::{}` is not a module of the layer table",
                e.file, e.line, e.to
            )),
            (Some(from), Some(to)) if to > from && !allowed(e, allow) => out.push(format!(
                "{}:{}: `{}` (layer {from}) imports `{}` (layer {to}), a higher layer",
                e.file, e.line, e.from, e.to
            )),
            _ => {}
        }
    }
    // Cycles: without upward edges (reported above), a cycle can only run within one layer.
    let same_layer =
        |e: &&Edge| layer_of(&e.from).is_some() && layer_of(&e.from) == layer_of(&e.to);
    let mut graph: BTreeMap<&str, BTreeMap<&str, &Edge>> = BTreeMap::new();
    for e in edges
        .iter()
        .filter(same_layer)
        .filter(|e| !allowed(e, allow))
    {
        graph
            .entry(e.from.as_str())
            .or_default()
            .entry(e.to.as_str())
            .or_insert(e);
    }
    let mut reported = BTreeSet::new();
    for start in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, start) {
            let mut members: Vec<&str> = cycle.iter().map(|e| e.from.as_str()).collect();
            members.sort_unstable();
            if reported.insert(members) {
                let mut text = String::from("import cycle:");
                for e in cycle {
                    let _ = write!(text, " {} -> {} ({}:{});", e.from, e.to, e.file, e.line);
                }
                out.push(text);
            }
        }
    }
    for (from, to, _) in allow {
        if !edges.iter().any(|e| e.from == *from && e.to == *to) {
            out.push(format!(
                "allow-list entry {from} -> {to} matches no import any more: remove it"
            ));
        }
    }
    out
}

/// A path of edges from `start` back to `start`, when there is one.
fn cycle_from<'a>(
    graph: &BTreeMap<&'a str, BTreeMap<&'a str, &'a Edge>>,
    start: &'a str,
) -> Option<Vec<&'a Edge>> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<(&str, Vec<&Edge>)> = vec![(start, Vec::new())];
    while let Some((node, path)) = stack.pop() {
        for (to, edge) in graph.get(node).into_iter().flatten() {
            let mut next = path.clone();
            next.push(edge);
            if *to == start {
                return Some(next);
            }
            if seen.insert(*to) {
                stack.push((to, next));
            }
        }
    }
    None
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_core_keeps_its_layers() {
    let edges = edges(&src_dir());
    assert!(
        edges.iter().any(|e| e.from == "plan"),
        "the scan found no imports of `plan`: the scanner is broken"
    );
    let problems = violations(&edges, ALLOWED);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_top_level_module_is_in_the_table() {
    let lib = std::fs::read_to_string(src_dir().join("lib.rs")).unwrap_or_default();
    for line in code_only(&lib).lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(i) = words.iter().position(|w| *w == "mod") {
            let name = words
                .get(i + 1)
                .map(|w| w.trim_end_matches(';'))
                .unwrap_or_default();
            assert!(
                layer_of(name).is_some(),
                "lib.rs declares `{name}`, not in LAYERS"
            );
        }
    }
}

#[test]
fn the_scanner_sees_imports_and_nothing_else() {
    let module = vec!["sync".to_string(), "view".to_string()];
    let code = code_only(
        "//! See [`crate::plan`].\n\
         use crate::{ids::is_plain_id, model::{Anchor, Probe}};\n\
         use super::facts;\n\
         const S: &str = \"crate::router\";\n\
         const C: char = '{';\n\
         fn f<'a>(x: &'a str) -> bool { crate::route::classify(x).is_some() }\n\
         #[cfg(test)]\n\
         mod tests {\n    use super::super::super::catalog;\n}\n",
    );
    let found = reaches(&module, &code);
    let expected: Vec<(String, usize)> = [("ids", 2), ("model", 2), ("route", 6), ("catalog", 9)]
        .iter()
        .map(|(m, l)| (m.to_string(), *l))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn an_upward_import_or_a_cycle_fails() {
    let edge = |from: &str, to: &str, line| Edge {
        from: from.into(),
        to: to.into(),
        file: format!("src/{from}.rs"),
        line,
    };
    let up = violations(&[edge("model", "plan", 3)], &[]);
    assert_eq!(
        up,
        vec!["src/model.rs:3: `model` (layer 2) imports `plan` (layer 6), a higher layer"]
    );
    let cycle = violations(
        &[edge("catalog", "route", 1), edge("route", "catalog", 2)],
        &[],
    );
    assert_eq!(cycle.len(), 1, "{cycle:?}");
    assert!(cycle[0].starts_with("import cycle:"), "{cycle:?}");
    let stale = violations(&[], &[("plan", "router", "why")]);
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(violations(&[edge("plan", "model", 1)], &[]).is_empty());
}
