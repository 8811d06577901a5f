//! What a request's attachments weigh once the device has made them small (part of `make bench`):
//! a 12-megapixel camera photo after `photos::shrink`, and one minute of speech (espeak-ng, as a
//! stand-in for a resident's voice) after `voice::encode`.
//!
//! The photo is a made-up outdoor scene — a sky gradient over ground of fractal value noise, the
//! kind of detail a road or a field has — saved as a camera would (JPEG quality 92), since the
//! build machine has no camera roll; pure noise would be the worst case, a flat colour the best.
//!
//!     cargo run --release -p mcommunity-client --example attachment_sizes

use std::process::Command;

use image::{ImageEncoder, RgbImage, codecs::jpeg::JpegEncoder};

/// Value noise: a lattice of pseudo-random values every `cell` pixels, smoothly interpolated.
fn value_noise(x: u32, y: u32, cell: u32, seed: u32) -> f32 {
    let lattice = |i: u32, j: u32| {
        let h = i.wrapping_mul(374_761_393) ^ j.wrapping_mul(668_265_263) ^ seed.wrapping_mul(2_246_822_519);
        let h = (h ^ (h >> 13)).wrapping_mul(1_274_126_177);
        (h >> 8) as f32 / (1u32 << 24) as f32
    };
    let (i, j) = (x / cell, y / cell);
    let (fx, fy) = ((x % cell) as f32 / cell as f32, (y % cell) as f32 / cell as f32);
    let smooth = |t: f32| t * t * (3.0 - 2.0 * t);
    let (sx, sy) = (smooth(fx), smooth(fy));
    let top = lattice(i, j) * (1.0 - sx) + lattice(i + 1, j) * sx;
    let bottom = lattice(i, j + 1) * (1.0 - sx) + lattice(i + 1, j + 1) * sx;
    top * (1.0 - sy) + bottom * sy
}

fn camera_photo() -> Vec<u8> {
    let (w, h) = (4000, 3000);
    let horizon = h * 2 / 5;
    let scene = RgbImage::from_fn(w, h, |x, y| {
        if y < horizon {
            let t = y as f32 / horizon as f32;
            let cloud = value_noise(x, y, 300, 1) * 0.6 + value_noise(x, y, 75, 2) * 0.4;
            let white = (cloud - 0.55).max(0.0) * 2.0;
            let mix = |sky: f32| (sky * (1.0 - white) + 250.0 * white) as u8;
            image::Rgb([mix(110.0 + 80.0 * t), mix(150.0 + 60.0 * t), mix(215.0 + 25.0 * t)])
        } else {
            let detail: f32 = [(400, 0.45), (100, 0.25), (25, 0.15), (6, 0.1), (2, 0.05)]
                .iter()
                .enumerate()
                .map(|(k, (cell, weight))| value_noise(x, y, *cell, 10 + k as u32) * weight)
                .sum();
            let g = 60.0 + 120.0 * detail;
            image::Rgb([(g * 0.9) as u8, g as u8, (g * 0.6) as u8])
        }
    });
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 92)
        .write_image(scene.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    jpeg
}

/// A minute of espeak-ng speech in Albanian at 16 kHz (espeak-ng speaks at 22050 Hz).
fn a_minute_of_speech() -> Option<Vec<i16>> {
    let text = "Përshëndetje. Rruga për në fshatin tonë është e prishur që nga dimri. Fëmijët ecin në baltë \
                çdo mëngjes për në shkollë, dhe makina e urgjencës nuk kalon dot. Ju lutem dërgoni dikë ta shohë. ";
    let out = Command::new("espeak-ng").args(["-v", "sq", "--stdout", &text.repeat(6)]).output().ok()?;
    let wav = out.stdout;
    let data = wav.windows(4).position(|w| w == b"data")? + 8;
    let at_22k: Vec<i16> = wav[data..].chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect();
    let n = (at_22k.len() as u64 * 16_000 / 22_050) as usize;
    let resampled: Vec<i16> = (0..n.min(16_000 * 60)).map(|i| at_22k[i * 22_050 / 16_000]).collect();
    (resampled.len() == 16_000 * 60).then_some(resampled)
}

fn main() {
    let original = camera_photo();
    let kept = mcommunity_client::photos::shrink(&original).expect("the photo shrinks");
    let (w, h) = image::load_from_memory(&kept).map(|i| (i.width(), i.height())).unwrap_or_default();
    println!("photo: 4000×3000 camera JPEG of {} KB → kept {w}×{h}, {} KB", original.len() / 1024, kept.len() / 1024);
    match a_minute_of_speech() {
        Some(pcm) => {
            let note = mcommunity_client::voice::encode(&pcm, 16_000).expect("a minute encodes");
            println!(
                "voice note: one minute of speech → {} KB ({} s, Ogg Opus)",
                note.bytes.len() / 1024,
                note.seconds
            );
        }
        None => println!("voice note: espeak-ng is missing (make deps installs it)"),
    }
}
