//! Draws the extension icon (a compass: ring and needle) as PNGs at every manifest size.
//!
//! Generated at build time so no binary image is committed; supersampled for smooth edges.

use std::fs;
use std::path::Path;

const SIZES: [u32; 4] = [16, 32, 48, 128];
const SUPERSAMPLE: u32 = 4;
const ACCENT: [u8; 3] = [0x0f, 0x6c, 0xbd];
const NEEDLE_SOUTH: [u8; 3] = [0x8a, 0x8a, 0x8a];
const FACE: [u8; 3] = [0xff, 0xff, 0xff];

/// Writes `icon-<size>.png` for every manifest size into `dir`.
pub fn write_all(dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for size in SIZES {
        let path = dir.join(format!("icon-{size}.png"));
        let file = fs::File::create(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), size, size);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(&render(size))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// RGBA pixels of the icon at `size`×`size`.
fn render(size: u32) -> Vec<u8> {
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    let n = SUPERSAMPLE * SUPERSAMPLE;
    for y in 0..size {
        for x in 0..size {
            let mut acc = [0u32; 4];
            for sy in 0..SUPERSAMPLE {
                for sx in 0..SUPERSAMPLE {
                    // Sample position in unit coordinates, centre at (0, 0), radius 1.
                    let u = ((x * SUPERSAMPLE + sx) as f32 + 0.5) / (size * SUPERSAMPLE) as f32
                        * 2.0
                        - 1.0;
                    let v = ((y * SUPERSAMPLE + sy) as f32 + 0.5) / (size * SUPERSAMPLE) as f32
                        * 2.0
                        - 1.0;
                    if let Some(rgb) = shade(u, v) {
                        for (a, c) in acc.iter_mut().zip(rgb) {
                            *a += u32::from(c);
                        }
                        acc[3] += 255;
                    }
                }
            }
            let alpha = acc[3] / n;
            let covered = (acc[3] / 255).max(1);
            pixels.extend([acc[0] / covered, acc[1] / covered, acc[2] / covered].map(|c| c as u8));
            pixels.push(alpha as u8);
        }
    }
    pixels
}

/// The colour at unit coordinates, or `None` for transparent.
fn shade(u: f32, v: f32) -> Option<[u8; 3]> {
    let r = (u * u + v * v).sqrt();
    if r > 0.96 {
        return None;
    }
    if r > 0.78 {
        return Some(ACCENT);
    }
    // Needle: a diamond |u|/0.24 + |v|/0.62 <= 1, pointing north-east (rotated 45°).
    let (ru, rv) = (
        (u + v) * std::f32::consts::FRAC_1_SQRT_2,
        (v - u) * std::f32::consts::FRAC_1_SQRT_2,
    );
    if ru.abs() / 0.24 + rv.abs() / 0.62 <= 1.0 {
        return Some(if rv < 0.0 { ACCENT } else { NEEDLE_SOUTH });
    }
    Some(FACE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_has_transparent_corners_and_an_opaque_ring() {
        let px = render(32);
        let alpha = |x: usize, y: usize| px[(y * 32 + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(16, 1), 255);
        assert_eq!(px.len(), 32 * 32 * 4);
    }
}
