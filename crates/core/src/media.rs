//! What an attachment's bytes are: the media types a request may carry (JPEG and PNG pictures,
//! Ogg Opus voice notes), recognised by their first bytes ([`sniff`]) and checked whole
//! ([`check`]), so a file that is not the image or recording it claims to be is refused before
//! anyone stores or plays it.
//!
//! The checks are structural — every Ogg page with its checksum, every JPEG marker segment, every
//! PNG chunk with its checksum — without decoding pixels or sound: enough to refuse a file of
//! another kind, a cut-off upload or a damaged one, cheaply enough for the server to run on every
//! upload. For a recording [`check`] also measures its length, so a voice note longer than
//! [`MAX_VOICE_SECONDS`] can be refused.
//!
//! ```
//! use mcommunity_core::media::{self, MediaType, MediaError};
//!
//! let not_a_png = b"\xFF\xD8\xFF\xE0 surely a JPEG";
//! assert_eq!(media::sniff(not_a_png), Some(MediaType::Jpeg));
//! assert_eq!(media::check(MediaType::Png, not_a_png), Err(MediaError::NotA(MediaType::Png)));
//! assert_eq!(MediaType::from_mime("audio/ogg; codecs=opus"), Some(MediaType::OggOpus));
//! ```

use std::fmt;

/// The longest voice note a request may carry, in seconds (three minutes).
pub const MAX_VOICE_SECONDS: u32 = 180;

/// The sample rate Opus granule positions count in, whatever the recording's own rate.
const OPUS_RATE: u64 = 48_000;

/// A kind of file an attachment may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MediaType {
    /// A JPEG picture (photos, after the device re-encodes them).
    Jpeg,
    /// A PNG picture.
    Png,
    /// An Opus recording in an Ogg container (voice notes).
    OggOpus,
}

impl MediaType {
    /// Every media type, in a stable order.
    pub const ALL: [MediaType; 3] = [MediaType::Jpeg, MediaType::Png, MediaType::OggOpus];

    /// The MIME type a file of this kind is sent and served with.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::OggOpus => "audio/ogg",
        }
    }

    /// The media type a `Content-Type` names, ignoring parameters (`audio/ogg; codecs=opus`) and
    /// case; `None` for any other type.
    pub fn from_mime(mime: &str) -> Option<MediaType> {
        let essence = mime.split(';').next().unwrap_or_default().trim();
        MediaType::ALL.into_iter().find(|t| t.mime().eq_ignore_ascii_case(essence))
    }

    fn noun(self) -> &'static str {
        match self {
            MediaType::Jpeg => "a jpeg image",
            MediaType::Png => "a png image",
            MediaType::OggOpus => "an ogg opus recording",
        }
    }
}

impl fmt::Display for MediaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// What [`check`] learned about a well-formed file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MediaInfo {
    /// How long a recording plays, in seconds (after the encoder's pre-skip); 0 for pictures.
    pub seconds: f64,
    /// A picture's width and height in pixels; `None` for recordings.
    pub dimensions: Option<(u32, u32)>,
}

/// Why a file is not a well-formed file of the type it claims.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MediaError {
    /// There are no bytes at all.
    #[error("the file is empty")]
    Empty,
    /// The file does not begin like a file of this type: it is something else.
    #[error("the file is not {0}")]
    NotA(MediaType),
    /// The file stops before its structure ends (an upload cut short, for instance).
    #[error("the file ends too early")]
    Truncated,
    /// Bytes follow the file's proper end.
    #[error("the file goes on after its end")]
    TrailingBytes,
    /// A checksum inside the file does not match its contents.
    #[error("a checksum does not match: the file is damaged")]
    Checksum,
    /// The structure is broken; the reason says where.
    #[error("the file is damaged: {0}")]
    Malformed(&'static str),
}

/// The media type `bytes` begin like, by their magic bytes: JPEG `FF D8 FF`, the PNG signature,
/// or an Ogg page (`OggS`) whose first packet is an Opus identification header (`OpusHead`).
/// Only a hint: [`check`] says whether the whole file is well formed.
pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(MediaType::Jpeg);
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        return Some(MediaType::Png);
    }
    if bytes.starts_with(b"OggS") && bytes.len() > 27 {
        let body = 27 + bytes[26] as usize;
        if bytes.get(body..body + 8) == Some(b"OpusHead") {
            return Some(MediaType::OggOpus);
        }
    }
    None
}

/// Checks that `bytes` are, whole, a well-formed file of type `kind`, and says what it holds.
///
/// - Ogg Opus: every page has the capture pattern, version 0 and a matching CRC-32; all pages
///   belong to one logical stream, numbered without gaps; the first packet is an `OpusHead`
///   (version 1, a channel count, the pre-skip) alone on the first page, the second an
///   `OpusTags`; granule positions count the audio packets' samples; the last page, and only it,
///   ends the stream. The length is the last granule position minus the pre-skip, at 48 kHz.
/// - JPEG: the start-of-image marker, marker segments with sound lengths, a frame header (its
///   width and height), scans, and the end-of-image marker as the last two bytes.
/// - PNG: the signature, an `IHDR` chunk first, at least one `IDAT`, every chunk's CRC, and
///   `IEND` last.
///
/// # Errors
/// [`MediaError::NotA`] when the file begins like something else, and the other kinds for a
/// file cut short, damaged, or followed by extra bytes.
pub fn check(kind: MediaType, bytes: &[u8]) -> Result<MediaInfo, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if sniff(bytes) != Some(kind) {
        return Err(MediaError::NotA(kind));
    }
    match kind {
        MediaType::Jpeg => check_jpeg(bytes),
        MediaType::Png => check_png(bytes),
        MediaType::OggOpus => check_ogg_opus(bytes),
    }
}

/// A cursor over bytes that fails with [`MediaError::Truncated`] when they run out.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], MediaError> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or(MediaError::Truncated)?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, MediaError> {
        Ok(self.take(1)?[0])
    }

    fn u16_be(&mut self) -> Result<u16, MediaError> {
        Ok(u16::from_be_bytes(self.take(2)?.try_into().expect("two bytes")))
    }

    fn u32_be(&mut self) -> Result<u32, MediaError> {
        Ok(u32::from_be_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    fn u32_le(&mut self) -> Result<u32, MediaError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    fn u64_le(&mut self) -> Result<u64, MediaError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("eight bytes")))
    }
}

// ---- JPEG ----------------------------------------------------------------------------------

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;

/// Start-of-frame markers (SOF0–SOF15 less DHT `C4`, JPG `C8` and DAC `CC`).
fn is_frame_header(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
}

/// Markers that stand alone, without a length: TEM and the restart markers.
fn is_standalone(marker: u8) -> bool {
    marker == 0x01 || (0xD0..=0xD7).contains(&marker)
}

fn check_jpeg(bytes: &[u8]) -> Result<MediaInfo, MediaError> {
    let mut r = Reader::new(bytes);
    if r.take(2)? != [0xFF, SOI] {
        return Err(MediaError::NotA(MediaType::Jpeg));
    }
    let mut dimensions = None;
    let mut scans = 0;
    loop {
        if r.u8()? != 0xFF {
            return Err(MediaError::Malformed("a marker was expected between jpeg segments"));
        }
        let mut marker = r.u8()?;
        // Any number of 0xFF fill bytes may precede a marker.
        while marker == 0xFF {
            marker = r.u8()?;
        }
        match marker {
            EOI => break,
            0x00 | SOI => return Err(MediaError::Malformed("a jpeg marker is out of place")),
            m if is_standalone(m) => continue,
            _ => {}
        }
        let length = r.u16_be()?;
        if length < 2 {
            return Err(MediaError::Malformed("a jpeg segment has an impossible length"));
        }
        let mut segment = Reader::new(r.take(length as usize - 2)?);
        if is_frame_header(marker) {
            if dimensions.is_some() {
                return Err(MediaError::Malformed("a jpeg image has two frame headers"));
            }
            let _precision = segment.u8()?;
            let height = segment.u16_be()?;
            let width = segment.u16_be()?;
            let components = segment.u8()?;
            if width == 0 || height == 0 || components == 0 {
                return Err(MediaError::Malformed("a jpeg frame header has no size or no components"));
            }
            if segment.bytes.len() != 6 + 3 * components as usize {
                return Err(MediaError::Malformed("a jpeg frame header has the wrong length"));
            }
            dimensions = Some((u32::from(width), u32::from(height)));
        } else if marker == SOS {
            if dimensions.is_none() {
                return Err(MediaError::Malformed("a jpeg scan comes before the frame header"));
            }
            let components = segment.u8()?;
            if components == 0 || segment.bytes.len() != 4 + 2 * components as usize {
                return Err(MediaError::Malformed("a jpeg scan header has the wrong length"));
            }
            scans += 1;
            skip_entropy_coded(&mut r)?;
        }
    }
    if scans == 0 {
        return Err(MediaError::Malformed("a jpeg image without image data"));
    }
    if !r.done() {
        return Err(MediaError::TrailingBytes);
    }
    Ok(MediaInfo { seconds: 0.0, dimensions })
}

/// Skips a scan's entropy-coded data, up to (not including) the next marker that is neither a
/// stuffed zero nor a restart marker.
fn skip_entropy_coded(r: &mut Reader<'_>) -> Result<(), MediaError> {
    loop {
        let rest = &r.bytes[r.at..];
        let Some(ff) = rest.iter().position(|&b| b == 0xFF) else {
            return Err(MediaError::Truncated);
        };
        let next = *rest.get(ff + 1).ok_or(MediaError::Truncated)?;
        if next == 0x00 || (0xD0..=0xD7).contains(&next) {
            r.at += ff + 2;
        } else if next == 0xFF {
            // A fill byte: the marker follows it.
            r.at += ff + 1;
        } else {
            r.at += ff;
            return Ok(());
        }
    }
}

// ---- PNG -----------------------------------------------------------------------------------

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

fn check_png(bytes: &[u8]) -> Result<MediaInfo, MediaError> {
    let mut r = Reader::new(bytes);
    r.take(PNG_SIGNATURE.len())?;
    let mut dimensions = None;
    let mut image_data = false;
    loop {
        let length = r.u32_be()?;
        if length > i32::MAX as u32 {
            return Err(MediaError::Malformed("a png chunk has an impossible length"));
        }
        let typed = r.take(4 + length as usize)?;
        let crc = r.u32_be()?;
        if crc32_png(typed) != crc {
            return Err(MediaError::Checksum);
        }
        let (kind, data) = typed.split_at(4);
        if dimensions.is_none() && kind != b"IHDR" {
            return Err(MediaError::Malformed("a png image must begin with its header chunk"));
        }
        match kind {
            b"IHDR" => {
                if dimensions.is_some() || data.len() != 13 {
                    return Err(MediaError::Malformed("a png header chunk is repeated or has the wrong length"));
                }
                let width = u32::from_be_bytes(data[0..4].try_into().expect("four bytes"));
                let height = u32::from_be_bytes(data[4..8].try_into().expect("four bytes"));
                if width == 0 || height == 0 || width > i32::MAX as u32 || height > i32::MAX as u32 {
                    return Err(MediaError::Malformed("a png image has no size or an impossible one"));
                }
                dimensions = Some((width, height));
            }
            b"IDAT" => image_data = true,
            b"IEND" => break,
            _ => {}
        }
    }
    if !image_data {
        return Err(MediaError::Malformed("a png image without image data"));
    }
    if !r.done() {
        return Err(MediaError::TrailingBytes);
    }
    Ok(MediaInfo { seconds: 0.0, dimensions })
}

/// CRC-32 as PNG (and zlib) compute it: reflected polynomial 0xEDB88320, all ones in and out.
fn crc32_png(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[n] = c;
            n += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

// ---- Ogg Opus ------------------------------------------------------------------------------

/// Header-type flags of an Ogg page.
const CONTINUED: u8 = 0x01;
const FIRST: u8 = 0x02;
const LAST: u8 = 0x04;

/// CRC-32 as Ogg computes it: polynomial 0x04C11DB7, not reflected, starting from zero, over the
/// whole page with its checksum field zeroed.
pub(crate) fn crc32_ogg(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            let mut c = (n as u32) << 24;
            let mut k = 0;
            while k < 8 {
                c = if c & 0x8000_0000 != 0 { (c << 1) ^ 0x04C1_1DB7 } else { c << 1 };
                k += 1;
            }
            table[n] = c;
            n += 1;
        }
        table
    };
    bytes.iter().fold(0u32, |c, &b| (c << 8) ^ TABLE[(((c >> 24) as u8) ^ b) as usize])
}

/// One Ogg page, its checksum verified.
struct Page<'a> {
    flags: u8,
    granule: u64,
    serial: u32,
    sequence: u32,
    lacing: &'a [u8],
    body: &'a [u8],
}

fn read_page<'a>(r: &mut Reader<'a>) -> Result<Page<'a>, MediaError> {
    let start = r.at;
    if r.take(4)? != b"OggS" {
        return Err(MediaError::Malformed("an ogg page does not begin with its capture pattern"));
    }
    if r.u8()? != 0 {
        return Err(MediaError::Malformed("an ogg page has an unknown version"));
    }
    let flags = r.u8()?;
    if flags & !(CONTINUED | FIRST | LAST) != 0 {
        return Err(MediaError::Malformed("an ogg page has unknown flags"));
    }
    let granule = r.u64_le()?;
    let serial = r.u32_le()?;
    let sequence = r.u32_le()?;
    let crc_at = r.at;
    let crc = r.u32_le()?;
    let segments = r.u8()?;
    let lacing = r.take(segments as usize)?;
    let body = r.take(lacing.iter().map(|&l| l as usize).sum())?;
    let mut page = r.bytes[start..r.at].to_vec();
    page[crc_at - start..crc_at - start + 4].fill(0);
    if crc32_ogg(&page) != crc {
        return Err(MediaError::Checksum);
    }
    Ok(Page { flags, granule, serial, sequence, lacing, body })
}

/// How many 48 kHz samples an Opus packet decodes to, from its table-of-contents byte(s)
/// (RFC 6716, section 3.1).
fn opus_packet_samples(packet: &[u8]) -> Result<u64, MediaError> {
    let toc = *packet.first().ok_or(MediaError::Malformed("an empty opus packet"))?;
    let config = toc >> 3;
    // Frame sizes in 48 kHz samples: SILK 10/20/40/60 ms, hybrid 10/20 ms, CELT 2.5/5/10/20 ms.
    let frame: u64 = match config {
        0..=11 => [480, 960, 1920, 2880][(config % 4) as usize],
        12..=15 => [480, 960][(config % 2) as usize],
        _ => [120, 240, 480, 960][(config % 4) as usize],
    };
    let frames = match toc & 0x03 {
        0 => 1,
        1 | 2 => 2,
        _ => u64::from(*packet.get(1).ok_or(MediaError::Malformed("an opus packet lacks its frame count"))? & 0x3F),
    };
    let samples = frame * frames;
    if frames == 0 || samples > 5760 {
        return Err(MediaError::Malformed("an opus packet holds an impossible number of frames"));
    }
    Ok(samples)
}

fn check_opus_head(packet: &[u8]) -> Result<u16, MediaError> {
    let mut r = Reader::new(packet);
    if r.take(8).ok() != Some(b"OpusHead".as_slice()) {
        return Err(MediaError::NotA(MediaType::OggOpus));
    }
    let malformed = |_| MediaError::Malformed("the opus header is too short");
    let version = r.u8().map_err(malformed)?;
    // Version 1; a higher minor revision (upper four bits zero) stays compatible (RFC 7845).
    if version == 0 || version & 0xF0 != 0 {
        return Err(MediaError::Malformed("the opus header has an unsupported version"));
    }
    let channels = r.u8().map_err(malformed)?;
    let pre_skip = r.take(2).map_err(malformed)?;
    let _input_rate = r.u32_le().map_err(malformed)?;
    let _gain = r.take(2).map_err(malformed)?;
    let family = r.u8().map_err(malformed)?;
    let mapping_len = match family {
        0 => 0,
        _ => 2 + channels as usize,
    };
    if channels == 0 || (family == 0 && channels > 2) || packet.len() != 19 + mapping_len {
        return Err(MediaError::Malformed("the opus header's channels do not add up"));
    }
    Ok(u16::from_le_bytes(pre_skip.try_into().expect("two bytes")))
}

fn check_opus_tags(packet: &[u8]) -> Result<(), MediaError> {
    let malformed = |_| MediaError::Malformed("the opus comment header is cut short");
    let mut r = Reader::new(packet);
    if r.take(8).ok() != Some(b"OpusTags".as_slice()) {
        return Err(MediaError::Malformed("the second packet is not an opus comment header"));
    }
    let vendor = r.u32_le().map_err(malformed)?;
    r.take(vendor as usize).map_err(malformed)?;
    let count = r.u32_le().map_err(malformed)?;
    for _ in 0..count {
        let len = r.u32_le().map_err(malformed)?;
        r.take(len as usize).map_err(malformed)?;
    }
    // Anything after the comments is allowed (binary data when the next bit is set).
    Ok(())
}

fn check_ogg_opus(bytes: &[u8]) -> Result<MediaInfo, MediaError> {
    let mut r = Reader::new(bytes);
    let mut serial = None;
    let mut pre_skip = 0u64;
    // Packets completed so far (0: OpusHead, 1: OpusTags, then audio), the bytes of a packet that
    // continues on the next page, and the audio samples of the completed packets.
    let mut packets = 0u64;
    let mut open: Option<Vec<u8>> = None;
    let mut samples = 0u64;
    let mut last_packet_samples = 0u64;
    let mut last_granule = None;
    let mut ended = false;
    let mut expected_sequence = 0u32;
    while !r.done() {
        if ended {
            return Err(MediaError::TrailingBytes);
        }
        let page = read_page(&mut r)?;
        if *serial.get_or_insert(page.serial) != page.serial {
            return Err(MediaError::Malformed("the file holds more than one ogg stream"));
        }
        if page.sequence != expected_sequence {
            return Err(MediaError::Malformed("ogg pages are missing or out of order"));
        }
        expected_sequence = expected_sequence.wrapping_add(1);
        let first = page.sequence == 0;
        if (page.flags & FIRST != 0) != first {
            return Err(MediaError::Malformed("only the first ogg page may begin the stream"));
        }
        if (page.flags & CONTINUED != 0) != open.is_some() {
            return Err(MediaError::Malformed("an ogg page's continuation flag does not match its packets"));
        }
        ended = page.flags & LAST != 0;
        let packets_before = packets;
        let mut at = 0;
        let mut completed_on_page = false;
        for (i, &lace) in page.lacing.iter().enumerate() {
            let part = &page.body[at..at + lace as usize];
            at += lace as usize;
            let packet = open.get_or_insert_with(Vec::new);
            packet.extend_from_slice(part);
            if lace == 255 {
                continue;
            }
            let packet = open.take().expect("a packet is open");
            completed_on_page = true;
            match packets {
                0 => {
                    if !first || i + 1 != page.lacing.len() {
                        return Err(MediaError::Malformed("the opus header must be alone on the first page"));
                    }
                    pre_skip = u64::from(check_opus_head(&packet)?);
                }
                1 => {
                    check_opus_tags(&packet)?;
                    if i + 1 != page.lacing.len() {
                        return Err(MediaError::Malformed("audio must begin on a new page after the comments"));
                    }
                }
                _ => {
                    last_packet_samples = opus_packet_samples(&packet)?;
                    samples += last_packet_samples;
                }
            }
            packets += 1;
        }
        if first && packets == 0 {
            return Err(MediaError::Malformed("the first ogg page lacks the opus header"));
        }
        if !completed_on_page {
            if page.granule != u64::MAX {
                return Err(MediaError::Malformed("an ogg page that ends no packet has a granule position"));
            }
            continue;
        }
        if packets_before < 2 {
            // Header pages carry granule position 0.
            if page.granule != 0 {
                return Err(MediaError::Malformed("an opus header page has a granule position"));
            }
            continue;
        }
        // The granule position counts the samples decoded so far; only the last page may count
        // fewer, trimming the end of its last packet.
        let fits = if ended {
            page.granule <= samples && samples - page.granule < last_packet_samples.max(1)
        } else {
            page.granule == samples
        };
        if !fits {
            return Err(MediaError::Malformed("an ogg page's granule position does not match its audio"));
        }
        last_granule = Some(page.granule);
    }
    if open.is_some() || !ended {
        return Err(MediaError::Truncated);
    }
    if packets < 2 {
        return Err(MediaError::Malformed("the opus comment header is missing"));
    }
    let last_granule = last_granule.ok_or(MediaError::Malformed("an opus recording without audio"))?;
    let played = last_granule
        .checked_sub(pre_skip)
        .ok_or(MediaError::Malformed("an opus recording shorter than its pre-skip"))?;
    Ok(MediaInfo { seconds: played as f64 / OPUS_RATE as f64, dimensions: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three seconds of espeak-ng speech encoded by Debian's `opusenc` (8 kbit/s, 60 ms frames,
    /// pages of 300 ms): an Ogg Opus file from an independent muxer.
    const SPEECH: &[u8] = include_bytes!("../tests/fixtures/speech.opus");

    #[test]
    fn mime_types_have_one_spelling() {
        for kind in MediaType::ALL {
            assert_eq!(MediaType::from_mime(kind.mime()), Some(kind));
        }
        let check = |mime: &str, expect: Option<MediaType>| assert_eq!(MediaType::from_mime(mime), expect, "{mime:?}");
        check("IMAGE/JPEG", Some(MediaType::Jpeg));
        check("audio/ogg; codecs=opus", Some(MediaType::OggOpus));
        check(" image/png ", Some(MediaType::Png));
        check("image/gif", None);
        check("audio/ogg-x", None);
        check("application/octet-stream", None);
        check("", None);
    }

    #[test]
    fn files_are_sniffed_by_their_magic_bytes() {
        let check = |bytes: &[u8], expect: Option<MediaType>| assert_eq!(sniff(bytes), expect, "{bytes:?}");
        check(&[0xFF, 0xD8, 0xFF, 0xE0], Some(MediaType::Jpeg));
        check(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", Some(MediaType::Png));
        check(&SPEECH[..64], Some(MediaType::OggOpus));
        // Ogg, but Vorbis: not a voice note.
        let mut vorbis = SPEECH[..64].to_vec();
        vorbis[28..36].copy_from_slice(b"\x01vorbis\0");
        check(&vorbis, None);
        check(&SPEECH[..30], None);
        check(&[0xFF, 0xD8], None);
        check(b"GIF89a", None);
        check(b"<svg xmlns='http://www.w3.org/2000/svg'/>", None);
        check(&[], None);
    }

    #[test]
    fn checksums_match_their_standard_check_values() {
        assert_eq!(crc32_png(b"123456789"), 0xCBF4_3926, "CRC-32 (ISO-HDLC)");
        assert_eq!(crc32_ogg(b"123456789"), 0x89A1_897F, "CRC-32 as Ogg: CKSUM's polynomial, no final xor");
    }

    // ---- Ogg Opus ----

    /// Where each Ogg page of `bytes` starts and ends.
    fn pages(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let segments = bytes[at + 26] as usize;
            let body: usize = bytes[at + 27..at + 27 + segments].iter().map(|&l| l as usize).sum();
            out.push(at..at + 27 + segments + body);
            at += 27 + segments + body;
        }
        out
    }

    /// Recomputes a page's checksum after a test changed it on purpose.
    fn reseal(page: &mut [u8]) {
        page[22..26].fill(0);
        let crc = crc32_ogg(page);
        page[22..26].copy_from_slice(&crc.to_le_bytes());
    }

    /// `SPEECH` with page `n` changed by `f` (checksum recomputed).
    fn speech_with(n: usize, f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let ranges = pages(SPEECH);
        let n = if n == usize::MAX { ranges.len() - 1 } else { n };
        let mut page = SPEECH[ranges[n].clone()].to_vec();
        f(&mut page);
        reseal(&mut page);
        [&SPEECH[..ranges[n].start], &page, &SPEECH[ranges[n].end..]].concat()
    }

    fn granule(page: &[u8]) -> u64 {
        u64::from_le_bytes(page[6..14].try_into().unwrap())
    }

    #[test]
    fn an_opusenc_file_is_well_formed_and_measured() {
        let info = check(MediaType::OggOpus, SPEECH).unwrap();
        assert_eq!(info.dimensions, None);
        // opusinfo says "Playback length: 0m:03.876s".
        assert!((info.seconds - 3.876).abs() < 0.001, "{} s", info.seconds);
        assert!(pages(SPEECH).len() > 5, "the fixture spans many pages, so page-to-page rules are exercised");
    }

    #[test]
    fn damaged_or_forged_ogg_opus_is_refused() {
        let last = usize::MAX;
        let ranges = pages(SPEECH);
        let middle = ranges[ranges.len() / 2].clone();
        let check = |bytes: &[u8], expect: MediaError| {
            assert_eq!(super::check(MediaType::OggOpus, bytes), Err(expect.clone()), "expected {expect}");
        };
        let malformed = MediaError::Malformed;

        let mut flipped = SPEECH.to_vec();
        flipped[middle.start + 40] ^= 0x10;
        check(&flipped, MediaError::Checksum);
        check(&SPEECH[..SPEECH.len() - 10], MediaError::Truncated);
        check(&SPEECH[..middle.end], MediaError::Truncated);
        check(&[SPEECH, b"more"].concat(), MediaError::TrailingBytes);
        check(&[SPEECH, &SPEECH[ranges[2].clone()]].concat(), MediaError::TrailingBytes);
        check(&[], MediaError::Empty);
        check(b"OggS but nothing else", MediaError::NotA(MediaType::OggOpus));

        // Without its end-of-stream flag, the last page's trimmed granule position no longer fits.
        check(
            &speech_with(last, |p| p[5] &= !LAST),
            malformed("an ogg page's granule position does not match its audio"),
        );
        check(&speech_with(3, |p| p[5] |= LAST), MediaError::TrailingBytes);
        check(&speech_with(3, |p| p[4] = 1), malformed("an ogg page has an unknown version"));
        check(&speech_with(3, |p| p[14] ^= 1), malformed("the file holds more than one ogg stream"));
        check(&speech_with(3, |p| p[18] = 9), malformed("ogg pages are missing or out of order"));
        check(
            &[&SPEECH[..ranges[3].start], &SPEECH[ranges[4].start..]].concat(),
            malformed("ogg pages are missing or out of order"),
        );
        check(&speech_with(3, |p| p[5] |= FIRST), malformed("only the first ogg page may begin the stream"));
        check(
            &speech_with(3, |p| p[5] |= CONTINUED),
            malformed("an ogg page's continuation flag does not match its packets"),
        );
        check(&speech_with(0, |p| p[36] = 0x10), malformed("the opus header has an unsupported version"));
        check(&speech_with(0, |p| p[37] = 0), malformed("the opus header's channels do not add up"));
        check(&speech_with(1, |p| p[28 + 7] = b'z'), malformed("the second packet is not an opus comment header"));
        // A recording that claims to last longer (or shorter) than its audio.
        let forged = |n: usize, by: i64| {
            speech_with(n, |p| {
                let g = granule(p).checked_add_signed(by).unwrap();
                p[6..14].copy_from_slice(&g.to_le_bytes());
            })
        };
        let mismatch = malformed("an ogg page's granule position does not match its audio");
        check(&forged(last, 48_000 * 600), mismatch.clone());
        check(&forged(last, 2880), mismatch.clone());
        check(&forged(last, -(48_000 * 60 / 1000) - 1), mismatch.clone());
        check(&forged(3, 960), mismatch);
        check(&speech_with(0, |p| p[6] = 1), malformed("an opus header page has a granule position"));
        // The final page may trim part of its last packet: that is the end of the recording.
        let trimmed = super::check(MediaType::OggOpus, &forged(last, -100)).unwrap();
        assert!((trimmed.seconds - (3.876 - 100.0 / 48_000.0)).abs() < 0.001, "{}", trimmed.seconds);
    }

    /// A minimal Ogg Opus stream built by hand: the two headers, then `packets` one per page.
    fn stream(pre_skip: u16, packets: &[(&[u8], u64)]) -> Vec<u8> {
        let mut head = b"OpusHead\x01\x01".to_vec();
        head.extend_from_slice(&pre_skip.to_le_bytes());
        head.extend_from_slice(&16_000u32.to_le_bytes());
        head.extend_from_slice(&[0, 0, 0]);
        let tags = b"OpusTags\x0a\0\0\0mCommunity\0\0\0\0".to_vec();
        let mut all: Vec<(Vec<u8>, u64)> = vec![(head, 0), (tags, 0)];
        all.extend(packets.iter().map(|(p, g)| (p.to_vec(), *g)));
        let mut out = Vec::new();
        let count = all.len();
        for (n, (packet, granule)) in all.into_iter().enumerate() {
            let mut lacing = vec![255u8; packet.len() / 255];
            lacing.push((packet.len() % 255) as u8);
            let flags = if n == 0 {
                FIRST
            } else if n + 1 == count {
                LAST
            } else {
                0
            };
            let mut page = b"OggS\0".to_vec();
            page.push(flags);
            page.extend_from_slice(&granule.to_le_bytes());
            page.extend_from_slice(&42u32.to_le_bytes());
            page.extend_from_slice(&(n as u32).to_le_bytes());
            page.extend_from_slice(&[0; 4]);
            page.push(lacing.len() as u8);
            page.extend_from_slice(&lacing);
            page.extend_from_slice(&packet);
            reseal(&mut page);
            out.extend_from_slice(&page);
        }
        out
    }

    #[test]
    fn a_recordings_length_is_its_last_granule_less_the_pre_skip() {
        // CELT, 20 ms frames (config 31), one frame per packet.
        let frame: &[u8] = &[0xF8, 0xFF, 0xFE];
        let three_minutes: Vec<(&[u8], u64)> = (1..=9000).map(|n| (frame, 312 + n * 960)).collect();
        // The first packet also pays for the pre-skip: all granules are then 312 short of the
        // count, which only the last page may be.
        let first = stream(312, &three_minutes);
        assert_eq!(
            check(MediaType::OggOpus, &first),
            Err(MediaError::Malformed("an ogg page's granule position does not match its audio"))
        );
        let three_minutes: Vec<(&[u8], u64)> = (1..=9000).map(|n| (frame, n * 960)).collect();
        let info = check(MediaType::OggOpus, &stream(312, &three_minutes)).unwrap();
        assert_eq!(info.seconds, (9000.0 * 960.0 - 312.0) / 48_000.0);
        assert!(info.seconds < f64::from(MAX_VOICE_SECONDS), "pre-skip is not heard");
        // A 2.5 ms frame code-3 packet of 48 frames is 120 ms; 49 would be more than Opus allows.
        let packet: &[u8] = &[(16 << 3) | 3, 48];
        assert_eq!(check(MediaType::OggOpus, &stream(0, &[(packet, 5760)])).unwrap().seconds, 0.12);
        let too_many: &[u8] = &[(16 << 3) | 3, 49];
        assert_eq!(
            check(MediaType::OggOpus, &stream(0, &[(too_many, 5880)])),
            Err(MediaError::Malformed("an opus packet holds an impossible number of frames"))
        );
        assert_eq!(
            check(MediaType::OggOpus, &stream(0, &[])),
            Err(MediaError::Malformed("an opus recording without audio"))
        );
        assert_eq!(
            check(MediaType::OggOpus, &stream(2000, &[(frame, 960)])),
            Err(MediaError::Malformed("an opus recording shorter than its pre-skip"))
        );
        let long: Vec<u8> = [&[0xF8u8][..], &[7; 600]].concat();
        assert_eq!(check(MediaType::OggOpus, &stream(0, &[(&long, 960)])).unwrap().seconds, 0.02, "laced packets");
    }

    #[test]
    fn every_cut_and_every_changed_byte_is_refused_without_panicking() {
        let samples = [(MediaType::OggOpus, SPEECH.to_vec()), (MediaType::Jpeg, jpeg()), (MediaType::Png, tiny_png())];
        for (kind, bytes) in samples {
            assert!(check(kind, &bytes).is_ok(), "{kind} is sound");
            for len in 0..bytes.len() {
                assert!(check(kind, &bytes[..len]).is_err(), "{kind} cut to {len} bytes passed");
            }
        }
        // Every byte of an Ogg page is under its checksum (or is the checksum).
        for at in 0..SPEECH.len() {
            let mut changed = SPEECH.to_vec();
            changed[at] ^= 0x41;
            assert!(check(MediaType::OggOpus, &changed).is_err(), "a change at byte {at} passed");
        }
    }

    // ---- JPEG ----

    fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
        [&[0xFF, marker][..], &((data.len() + 2) as u16).to_be_bytes(), data].concat()
    }

    /// A structurally sound JPEG: JFIF header, tables, a 3×2 frame, one scan with stuffed bytes
    /// and a restart marker.
    fn jpeg() -> Vec<u8> {
        [
            vec![0xFF, 0xD8],
            segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"),
            segment(0xDB, &[0; 65]),
            segment(0xC0, &[8, 0, 2, 0, 3, 1, 1, 0x11, 0]),
            segment(0xC4, &[0; 17]),
            segment(0xDA, &[1, 1, 0, 0, 63, 0]),
            vec![0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56],
            vec![0xFF, 0xD9],
        ]
        .concat()
    }

    #[test]
    fn a_sound_jpeg_passes_with_its_size() {
        assert_eq!(check(MediaType::Jpeg, &jpeg()), Ok(MediaInfo { seconds: 0.0, dimensions: Some((3, 2)) }));
        // Progressive: several scans, tables between them, fill bytes before a marker.
        let mut progressive = jpeg();
        let eoi = progressive.split_off(progressive.len() - 2);
        progressive.extend([0xFF, 0xFF]);
        progressive.extend(segment(0xC4, &[0; 17]));
        progressive.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
        progressive.extend([0x77, 0x88]);
        progressive.extend(eoi);
        assert_eq!(check(MediaType::Jpeg, &progressive).unwrap().dimensions, Some((3, 2)));
    }

    #[test]
    fn broken_jpegs_are_refused() {
        let good = jpeg();
        let check = |bytes: &[u8], expect: MediaError| {
            assert_eq!(super::check(MediaType::Jpeg, bytes), Err(expect.clone()), "expected {expect}");
        };
        let malformed = MediaError::Malformed;
        let without = |marker: u8| -> Vec<u8> {
            let at = good.windows(2).position(|w| w == [0xFF, marker]).unwrap();
            let len = u16::from_be_bytes([good[at + 2], good[at + 3]]) as usize;
            [&good[..at], &good[at + 2 + len..]].concat()
        };
        check(&good[..good.len() - 2], MediaError::Truncated);
        check(&good[..good.len() - 1], MediaError::Truncated);
        check(&good[..30], MediaError::Truncated);
        check(&[&good[..], b"junk"].concat(), MediaError::TrailingBytes);
        check(&without(0xC0), malformed("a jpeg scan comes before the frame header"));
        let no_scan = [&good[..good.iter().rposition(|&b| b == 0xDA).unwrap() - 1], &[0xFF, 0xD9]].concat();
        check(&no_scan, malformed("a jpeg image without image data"));
        let mut zero_width = good.clone();
        let sof = good.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        zero_width[sof + 7..sof + 9].copy_from_slice(&[0, 0]);
        check(&zero_width, malformed("a jpeg frame header has no size or no components"));
        let mut short_length = good.clone();
        short_length[4..6].copy_from_slice(&[0, 1]);
        check(&short_length, malformed("a jpeg segment has an impossible length"));
        let mut long_length = good.clone();
        long_length[4..6].copy_from_slice(&[0xFF, 0xF0]);
        check(&long_length, MediaError::Truncated);
        let mut lost_marker = good.clone();
        lost_marker[20] = 0x00;
        check(&lost_marker, malformed("a marker was expected between jpeg segments"));
        check(&[&good[..2], &good[..]].concat(), malformed("a jpeg marker is out of place"));
        check(b"\x89PNG\r\n\x1a\n", MediaError::NotA(MediaType::Jpeg));
        check(SPEECH, MediaError::NotA(MediaType::Jpeg));
    }

    // ---- PNG ----

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let typed = [&kind[..], data].concat();
        [&(data.len() as u32).to_be_bytes()[..], &typed, &crc32_png(&typed).to_be_bytes()].concat()
    }

    fn png(chunks: &[Vec<u8>]) -> Vec<u8> {
        [vec![PNG_SIGNATURE.to_vec()], chunks.to_vec()].concat().concat()
    }

    fn ihdr(width: u32, height: u32) -> Vec<u8> {
        chunk(b"IHDR", &[&width.to_be_bytes()[..], &height.to_be_bytes(), &[8, 2, 0, 0, 0]].concat())
    }

    fn tiny_png() -> Vec<u8> {
        png(&[ihdr(1, 1), chunk(b"IDAT", &[0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]), chunk(b"IEND", &[])])
    }

    #[test]
    fn pngs_need_a_header_data_and_an_end_with_sound_checksums() {
        let idat = chunk(b"IDAT", &[0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]);
        let iend = chunk(b"IEND", &[]);
        let text = chunk(b"tEXt", b"Comment\0hello");
        let good = png(&[ihdr(640, 480), text.clone(), idat.clone(), iend.clone()]);
        assert_eq!(check(MediaType::Png, &good), Ok(MediaInfo { seconds: 0.0, dimensions: Some((640, 480)) }));

        let check = |bytes: &[u8], expect: MediaError| {
            assert_eq!(super::check(MediaType::Png, bytes), Err(expect.clone()), "expected {expect}");
        };
        let malformed = MediaError::Malformed;
        let mut bad_crc = good.clone();
        bad_crc[8 + 8 + 3] ^= 1;
        check(&bad_crc, MediaError::Checksum);
        check(&good[..good.len() - 12], MediaError::Truncated);
        check(&good[..good.len() - 1], MediaError::Truncated);
        check(&[&good[..], b"\0"].concat(), MediaError::TrailingBytes);
        check(
            &png(&[idat.clone(), ihdr(1, 1), iend.clone()]),
            malformed("a png image must begin with its header chunk"),
        );
        check(&png(&[ihdr(1, 1), iend.clone()]), malformed("a png image without image data"));
        check(
            &png(&[ihdr(0, 1), idat.clone(), iend.clone()]),
            malformed("a png image has no size or an impossible one"),
        );
        check(
            &png(&[ihdr(1, 1), ihdr(1, 1), idat, iend]),
            malformed("a png header chunk is repeated or has the wrong length"),
        );
        check(&jpeg(), MediaError::NotA(MediaType::Png));
    }
}
