//! Photos for requests, made fit to travel before they are kept: turned upright, shrunk so the
//! longest side is at most [`MAX_SIDE`] pixels and the file at most [`MAX_BYTES`], re-encoded as
//! JPEG — which also strips every EXIF field (GPS position, phone model, time), so nothing hidden
//! leaves the phone with the picture.
//!
//! Only JPEG and PNG are accepted (what phone cameras and screenshots make); anything else, or a
//! file whose pixels would not fit in memory, is refused without being decoded further.

use std::io::Cursor;

use image::{
    DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, codecs::jpeg::JpegEncoder, imageops::FilterType,
    metadata::Orientation,
};

/// The longest side of a kept photo, in pixels.
pub const MAX_SIDE: u32 = 1600;
/// The largest kept photo, in bytes.
pub const MAX_BYTES: usize = 300 * 1024;
/// The largest picture accepted before shrinking, in pixels per side (a 108-megapixel camera makes
/// 12,000 × 9,000).
const MAX_INPUT_SIDE: u32 = 16_000;
/// Memory the decoder may use.
const MAX_DECODE_BYTES: u64 = 768 * 1024 * 1024;

/// Why a photo was not kept.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PhotoError {
    /// Not a JPEG or PNG picture (or a damaged one).
    #[error("not a photo this app can read: {0}")]
    NotAPhoto(String),
    /// Larger than any phone camera makes.
    #[error("the picture is too large")]
    TooLarge,
}

/// A photo as it will be kept and sent: a JPEG within the limits, without metadata.
pub fn shrink(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    let mut reader =
        ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| PhotoError::NotAPhoto(e.to_string()))?;
    if !matches!(reader.format(), Some(ImageFormat::Jpeg | ImageFormat::Png)) {
        return Err(PhotoError::NotAPhoto("only JPEG and PNG pictures are accepted".into()));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_INPUT_SIDE);
    limits.max_image_height = Some(MAX_INPUT_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    // A damaged orientation tag only means the photo stays as the camera stored it.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);
    let mut side = MAX_SIDE;
    loop {
        let fitted = if picture.width().max(picture.height()) > side {
            picture.resize(side, side, FilterType::Triangle)
        } else {
            picture.clone()
        };
        let rgb = fitted.to_rgb8();
        for quality in [82, 72, 62, 52, 42] {
            let mut out = Vec::with_capacity(MAX_BYTES);
            JpegEncoder::new_with_quality(&mut out, quality)
                .encode_image(&rgb)
                .map_err(|e| PhotoError::NotAPhoto(e.to_string()))?;
            if out.len() <= MAX_BYTES {
                return Ok(out);
            }
        }
        // Still too heavy (a picture full of fine detail): fewer pixels, and try again.
        side = side * 3 / 4;
    }
}

fn refusal(e: image::ImageError) -> PhotoError {
    match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge,
        other => PhotoError::NotAPhoto(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use image::{ImageEncoder, RgbImage};

    use super::*;

    /// A 12-megapixel camera photo (4000 × 3000, fine detail, high quality) carrying an EXIF block
    /// with a GPS position and a camera model.
    fn camera_photo() -> Vec<u8> {
        let picture = RgbImage::from_fn(4000, 3000, |x, y| {
            let noise = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)).rotate_left(x % 13) as u8;
            image::Rgb([(x / 16) as u8 ^ (noise / 4), (y / 12) as u8, noise])
        });
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, 95)
            .write_image(picture.as_raw(), 4000, 3000, image::ExtendedColorType::Rgb8)
            .unwrap();
        // APP1 "Exif": a little-endian TIFF block whose IFD0 has the camera model and a GPS IFD.
        let mut tiff = Vec::new();
        tiff.extend_from_slice(b"II*\0");
        tiff.extend_from_slice(&8u32.to_le_bytes());
        let model = b"PhoneCam X\0";
        let ifd0_entries = 2u16;
        let ifd0_len = 2 + 12 * ifd0_entries as u32 + 4;
        let model_at = 8 + ifd0_len;
        let gps_at = model_at + model.len() as u32;
        tiff.extend_from_slice(&ifd0_entries.to_le_bytes());
        tiff.extend_from_slice(&0x0110u16.to_le_bytes()); // Model
        tiff.extend_from_slice(&2u16.to_le_bytes()); // ASCII
        tiff.extend_from_slice(&(model.len() as u32).to_le_bytes());
        tiff.extend_from_slice(&model_at.to_le_bytes());
        tiff.extend_from_slice(&0x8825u16.to_le_bytes()); // GPSInfo
        tiff.extend_from_slice(&4u16.to_le_bytes()); // LONG
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&gps_at.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        tiff.extend_from_slice(model);
        tiff.extend_from_slice(&1u16.to_le_bytes()); // one GPS entry: latitude reference "N"
        tiff.extend_from_slice(&0x0001u16.to_le_bytes());
        tiff.extend_from_slice(&2u16.to_le_bytes());
        tiff.extend_from_slice(&2u32.to_le_bytes());
        tiff.extend_from_slice(b"N\0\0\0");
        tiff.extend_from_slice(&0u32.to_le_bytes());
        let mut app1 = vec![0xFF, 0xE1];
        app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn a_twelve_megapixel_photo_with_gps_comes_out_small_and_without_exif() {
        let photo = camera_photo();
        assert!(photo.len() > 2 * MAX_BYTES, "the test photo is a heavy one: {} bytes", photo.len());
        assert!(photo.windows(6).any(|w| w == b"Exif\0\0") && photo.windows(10).any(|w| w == b"PhoneCam X"));
        let kept = shrink(&photo).unwrap();
        assert!(kept.len() <= MAX_BYTES, "{} bytes", kept.len());
        let back = image::load_from_memory(&kept).unwrap();
        assert_eq!(back.width().max(back.height()), MAX_SIDE, "the longest side is shrunk to the limit");
        assert_eq!((back.width(), back.height()), (1600, 1200), "the shape is kept");
        assert!(!kept.windows(4).any(|w| w == b"Exif"), "no EXIF block");
        assert!(!kept.windows(10).any(|w| w == b"PhoneCam X"), "no camera model");
    }

    #[test]
    fn a_small_png_stays_its_size_and_becomes_a_jpeg() {
        let mut png = Vec::new();
        let picture = RgbImage::from_pixel(300, 200, image::Rgb([200, 30, 30]));
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(picture.as_raw(), 300, 200, image::ExtendedColorType::Rgb8)
            .unwrap();
        let kept = shrink(&png).unwrap();
        assert_eq!(image::guess_format(&kept).unwrap(), ImageFormat::Jpeg);
        let back = image::load_from_memory(&kept).unwrap();
        assert_eq!((back.width(), back.height()), (300, 200), "never enlarged");
    }

    #[test]
    fn what_is_not_a_photo_is_refused() {
        assert!(matches!(shrink(b"GIF89a not for us"), Err(PhotoError::NotAPhoto(_))));
        assert!(matches!(shrink(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), Err(PhotoError::NotAPhoto(_))));
        // A JPEG header followed by garbage: refused, not a crash.
        let mut broken = vec![0xFF, 0xD8, 0xFF, 0xE0];
        broken.extend_from_slice(&[7; 200]);
        assert!(matches!(shrink(&broken), Err(PhotoError::NotAPhoto(_))));
    }
}
