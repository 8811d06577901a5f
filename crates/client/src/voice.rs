//! Voice notes: a resident's recording, encoded as compact speech — Opus (libopus, tuned for
//! voice, about 12 kbit/s) in an Ogg container, the file browsers, GStreamer and the server's
//! check ([`mcommunity_core::media::check`]) all read. A note lasts at most
//! [`MAX_VOICE_SECONDS`] (three minutes); a minute of speech is some 90 KB.
//!
//! ```
//! use mcommunity_client::voice;
//!
//! let second_of_silence = vec![0i16; 16_000];
//! let note = voice::encode(&second_of_silence, 16_000).unwrap();
//! assert_eq!(note.seconds, 1);
//! assert_eq!(voice::seconds_of(&note.bytes).unwrap(), 1);
//! ```

use mcommunity_core::media::{self, MAX_VOICE_SECONDS, MediaError, MediaType};
use ogg::writing::{PacketWriteEndInfo, PacketWriter};
use sha2::{Digest, Sha256};

/// The sample rates a recording may have: those Opus encodes natively.
pub const SAMPLE_RATES: [u32; 5] = [8_000, 12_000, 16_000, 24_000, 48_000];

/// Opus bitrate: intelligible speech, wideband at this rate, for about 90 KB a minute.
const BITRATE: i32 = 12_000;
/// One Opus packet per 60 ms: the fewest packets (and least container overhead) SILK allows.
const FRAME_MS: u32 = 60;
/// Roughly one Ogg page a second, so players can seek without reading the whole note.
const PACKETS_PER_PAGE: usize = (1000 / FRAME_MS) as usize;
/// Opus granule positions count at 48 kHz, whatever the input rate.
const GRANULE_RATE: u64 = 48_000;

/// An encoded voice note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceNote {
    /// The Ogg Opus file (`audio/ogg`).
    pub bytes: Vec<u8>,
    /// How long it plays, in whole seconds, rounded up (a short note is never "0 s").
    pub seconds: u32,
}

/// Why a recording could not become a voice note.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum VoiceError {
    /// There is nothing to encode.
    #[error("the recording is empty")]
    Empty,
    /// The recording's sample rate is not one Opus encodes.
    #[error("a recording at {0} Hz cannot be encoded: use 8, 12, 16, 24 or 48 kHz")]
    UnsupportedRate(u32),
    /// The recording is longer than [`MAX_VOICE_SECONDS`].
    #[error("the recording lasts {seconds} seconds; a voice note lasts at most 3 minutes")]
    TooLong {
        /// Its length, rounded up.
        seconds: u32,
    },
    /// A file given as a voice note is not a well-formed Ogg Opus recording.
    #[error("not a voice note: {0}")]
    NotAVoiceNote(#[from] MediaError),
    /// libopus refused (it should not, for the settings used here).
    #[error("the opus encoder failed: {0}")]
    Encoder(String),
}

fn encoder_error(e: opus::Error) -> VoiceError {
    VoiceError::Encoder(e.to_string())
}

/// Encodes mono 16-bit PCM at `sample_rate` (one of [`SAMPLE_RATES`]; the app records at
/// 16 kHz) as an Ogg Opus voice note.
///
/// The same samples always give the same bytes (the Ogg stream's serial number is derived from
/// them), so a note attached twice is one blob.
///
/// # Errors
/// [`VoiceError::Empty`] for no samples, [`VoiceError::UnsupportedRate`], and
/// [`VoiceError::TooLong`] past [`MAX_VOICE_SECONDS`]. Silence is a valid note.
pub fn encode(pcm: &[i16], sample_rate: u32) -> Result<VoiceNote, VoiceError> {
    if !SAMPLE_RATES.contains(&sample_rate) {
        return Err(VoiceError::UnsupportedRate(sample_rate));
    }
    if pcm.is_empty() {
        return Err(VoiceError::Empty);
    }
    let seconds = u32::try_from(pcm.len().div_ceil(sample_rate as usize)).unwrap_or(u32::MAX);
    if pcm.len() as u64 > u64::from(MAX_VOICE_SECONDS) * u64::from(sample_rate) {
        return Err(VoiceError::TooLong { seconds });
    }

    let mut encoder =
        opus::Encoder::new(sample_rate, opus::Channels::Mono, opus::Application::Voip).map_err(encoder_error)?;
    encoder.set_bitrate(opus::Bitrate::Bits(BITRATE)).map_err(encoder_error)?;
    encoder.set_signal(opus::Signal::Voice).map_err(encoder_error)?;
    let scale = GRANULE_RATE / u64::from(sample_rate);
    // The decoder drops the encoder's lookahead from the start (the pre-skip, at 48 kHz); to get
    // every input sample out, the input is padded with that much silence at the end.
    let lookahead = u64::try_from(encoder.get_lookahead().map_err(encoder_error)?).unwrap_or(0);
    let pre_skip = lookahead * scale;
    let end_granule = pre_skip + pcm.len() as u64 * scale;
    let frame = (sample_rate * FRAME_MS / 1000) as usize;
    let frame_granules = frame as u64 * scale;
    let frames = end_granule.div_ceil(frame_granules);

    let serial = u32::from_le_bytes(
        Sha256::digest(pcm.iter().flat_map(|s| s.to_le_bytes()).collect::<Vec<u8>>())[..4]
            .try_into()
            .expect("four bytes"),
    );
    let mut out = PacketWriter::new(Vec::with_capacity(BITRATE as usize / 8 * (seconds as usize + 1)));
    let write = |out: &mut PacketWriter<'_, Vec<u8>>, packet: Vec<u8>, end: PacketWriteEndInfo, granule: u64| {
        out.write_packet(packet, serial, end, granule).map_err(|e| VoiceError::Encoder(format!("ogg: {e}")))
    };
    write(
        &mut out,
        opus_head(u16::try_from(pre_skip).unwrap_or(u16::MAX), sample_rate),
        PacketWriteEndInfo::EndPage,
        0,
    )?;
    write(&mut out, opus_tags(), PacketWriteEndInfo::EndPage, 0)?;

    let mut input = vec![0i16; frame];
    let mut packet = vec![0u8; 4000];
    for n in 0..frames as usize {
        let start = (n * frame).min(pcm.len());
        let end = ((n + 1) * frame).min(pcm.len());
        input.fill(0);
        input[..end - start].copy_from_slice(&pcm[start..end]);
        let len = encoder.encode(&input, &mut packet).map_err(encoder_error)?;
        let last = n as u64 + 1 == frames;
        // A page's granule position counts the samples decoded so far; the last one stops where
        // the recording does, trimming the padding.
        let granule = if last { end_granule } else { (n as u64 + 1) * frame_granules };
        let end = if last {
            PacketWriteEndInfo::EndStream
        } else if (n + 1) % PACKETS_PER_PAGE == 0 {
            PacketWriteEndInfo::EndPage
        } else {
            PacketWriteEndInfo::NormalPacket
        };
        write(&mut out, packet[..len].to_vec(), end, granule)?;
    }
    Ok(VoiceNote { bytes: out.into_inner(), seconds })
}

/// The identification header (RFC 7845, section 5.1): version 1, one channel, the pre-skip, the
/// input's rate, no gain, channel mapping family 0.
fn opus_head(pre_skip: u16, sample_rate: u32) -> Vec<u8> {
    let mut head = b"OpusHead".to_vec();
    head.extend_from_slice(&[1, 1]);
    head.extend_from_slice(&pre_skip.to_le_bytes());
    head.extend_from_slice(&sample_rate.to_le_bytes());
    head.extend_from_slice(&0i16.to_le_bytes());
    head.push(0);
    head
}

/// The comment header (RFC 7845, section 5.2): vendor "mCommunity", no comments — nothing about
/// the person or the device goes into the file.
fn opus_tags() -> Vec<u8> {
    const VENDOR: &[u8] = b"mCommunity";
    let mut tags = b"OpusTags".to_vec();
    tags.extend_from_slice(&(VENDOR.len() as u32).to_le_bytes());
    tags.extend_from_slice(VENDOR);
    tags.extend_from_slice(&0u32.to_le_bytes());
    tags
}

/// How long a voice note that arrives as a file plays, in whole seconds rounded up, after
/// checking that the whole file is a well-formed Ogg Opus recording.
///
/// # Errors
/// [`VoiceError::NotAVoiceNote`] for anything else (or a damaged recording), and
/// [`VoiceError::TooLong`] past [`MAX_VOICE_SECONDS`].
pub fn seconds_of(bytes: &[u8]) -> Result<u32, VoiceError> {
    let info = media::check(MediaType::OggOpus, bytes)?;
    // Sub-sample float noise must not turn an exact 180 s into 181.
    let seconds = (info.seconds - 1e-9).ceil().max(1.0) as u32;
    if seconds > MAX_VOICE_SECONDS {
        return Err(VoiceError::TooLong { seconds });
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;

    /// Something like a voice: a buzz of harmonics whose pitch glides between 100 and 220 Hz, in
    /// syllables of about a quarter second with pauses, over a little noise.
    fn voice_like(seconds: f64, rate: u32) -> Vec<i16> {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut phase = 0.0f64;
        (0..(seconds * f64::from(rate)) as usize)
            .map(|n| {
                let t = n as f64 / f64::from(rate);
                let pitch = 160.0 + 60.0 * (t * 1.3).sin();
                phase += std::f64::consts::TAU * pitch / f64::from(rate);
                let syllable =
                    (t * std::f64::consts::PI * 4.0).sin().max(0.0) * if (t % 3.0) < 2.4 { 1.0 } else { 0.0 };
                let buzz: f64 = (1..=12).map(|h| (phase * f64::from(h)).sin() / f64::from(h)).sum();
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let noise = (seed % 2001) as f64 / 1000.0 - 1.0;
                (6000.0 * syllable * buzz + 300.0 * noise) as i16
            })
            .collect()
    }

    /// Reads the samples of a 16-bit PCM WAV file (its `data` chunk) and its sample rate.
    fn wav_samples(wav: &[u8]) -> (Vec<i16>, u32) {
        assert_eq!(&wav[..4], b"RIFF", "a WAV file");
        let rate = u32::from_le_bytes(wav[24..28].try_into().unwrap());
        let mut at = 12;
        while at + 8 <= wav.len() {
            let len = u32::from_le_bytes(wav[at + 4..at + 8].try_into().unwrap()) as usize;
            if &wav[at..at + 4] == b"data" {
                // Streamed WAV (espeak-ng --stdout) may give the largest length: read what is there.
                let end = (at + 8).saturating_add(len).min(wav.len());
                let samples = wav[at + 8..end].chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect();
                return (samples, rate);
            }
            at += 8 + len + len % 2;
        }
        panic!("no data chunk in the WAV file");
    }

    fn run(tool: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
        let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
            panic!("{tool} is needed for this test (Debian's opus-tools and espeak-ng; `make deps`): {e}")
        });
        assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
        out
    }

    /// Decodes a note with opus-tools' `opusdec`, an independent Ogg Opus reader, at 48 kHz.
    fn opusdec(bytes: &[u8]) -> Vec<i16> {
        let dir = tempfile::tempdir().unwrap();
        let (note, wav) = (dir.path().join("note.opus"), dir.path().join("note.wav"));
        std::fs::write(&note, bytes).unwrap();
        run("opusdec", &["--quiet".as_ref(), "--rate".as_ref(), "48000".as_ref(), note.as_os_str(), wav.as_os_str()]);
        let (samples, rate) = wav_samples(&std::fs::read(wav).unwrap());
        assert_eq!(rate, 48_000);
        samples
    }

    fn rms(samples: &[i16]) -> f64 {
        (samples.iter().map(|&s| f64::from(s).powi(2)).sum::<f64>() / samples.len() as f64).sqrt()
    }

    #[test]
    fn notes_at_every_rate_pass_the_check_and_last_as_long_as_the_recording() {
        for rate in SAMPLE_RATES {
            let pcm = voice_like(1.5, rate);
            let note = encode(&pcm, rate).unwrap();
            let info = media::check(MediaType::OggOpus, &note.bytes).unwrap();
            assert_eq!(info.seconds, 1.5, "at {rate} Hz the granule positions count every sample, no more");
            assert_eq!(note.seconds, 2, "rounded up");
            assert_eq!(seconds_of(&note.bytes), Ok(2));
            assert_eq!(media::sniff(&note.bytes), Some(MediaType::OggOpus));
        }
        let silence = encode(&[0; 800], 8_000).unwrap();
        assert_eq!((silence.seconds, media::check(MediaType::OggOpus, &silence.bytes).unwrap().seconds), (1, 0.1));
    }

    #[test]
    fn empty_odd_rated_and_over_long_recordings_are_refused() {
        assert_eq!(encode(&[], 16_000), Err(VoiceError::Empty));
        assert_eq!(encode(&[0; 4410], 44_100), Err(VoiceError::UnsupportedRate(44_100)));
        assert_eq!(encode(&[1; 100], 0), Err(VoiceError::UnsupportedRate(0)));
        let three_minutes = vec![0i16; 8_000 * 180];
        let note = encode(&three_minutes, 8_000).expect("exactly three minutes is allowed");
        assert_eq!((note.seconds, seconds_of(&note.bytes)), (180, Ok(180)));
        let one_sample_more = vec![0i16; 8_000 * 180 + 1];
        let err = encode(&one_sample_more, 8_000).unwrap_err();
        assert_eq!(err, VoiceError::TooLong { seconds: 181 });
        assert_eq!(err.to_string(), "the recording lasts 181 seconds; a voice note lasts at most 3 minutes");
    }

    #[test]
    fn opus_tools_decode_every_sample_back() {
        let pcm = voice_like(2.345, 16_000);
        let note = encode(&pcm, 16_000).unwrap();
        let decoded = opusdec(&note.bytes);
        assert_eq!(decoded.len(), pcm.len() * 3, "pre-skip and end trimming leave exactly the recording, at 48 kHz");
        let (heard, said) = (rms(&decoded), rms(&pcm));
        assert!(
            heard > 0.5 * said && heard < 1.5 * said,
            "the decoded note is as loud as the recording: {heard} vs {said}"
        );
        assert!(rms(&opusdec(&encode(&vec![0; 16_000], 16_000).unwrap().bytes)) < 5.0, "silence stays silent");

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("note.opus");
        std::fs::write(&file, &note.bytes).unwrap();
        let info = run("opusinfo", &[file.as_os_str()]);
        let said = String::from_utf8_lossy(&info.stdout).to_string() + &String::from_utf8_lossy(&info.stderr);
        assert!(!said.contains("WARNING") && !said.contains("ERROR"), "opusinfo finds nothing wrong:\n{said}");
        assert!(said.contains("Playback length: 0m:02.345s"), "opusinfo measures it too:\n{said}");
        assert!(said.contains("Channels: 1") && said.contains("Encoded with mCommunity"), "{said}");
    }

    #[test]
    fn the_same_recording_is_the_same_file() {
        let pcm = voice_like(1.0, 16_000);
        assert_eq!(encode(&pcm, 16_000).unwrap(), encode(&pcm, 16_000).unwrap());
        assert_ne!(encode(&pcm, 16_000).unwrap().bytes, encode(&pcm[1..], 16_000).unwrap().bytes);
    }

    #[test]
    fn notes_that_arrive_as_files_are_checked_and_measured() {
        // Made by opusenc, not by us: 3.876 s.
        let opusenc = include_bytes!("../../core/tests/fixtures/speech.opus");
        assert_eq!(seconds_of(opusenc), Ok(4));
        let note = encode(&voice_like(1.0, 16_000), 16_000).unwrap().bytes;
        assert_eq!(seconds_of(&note[..note.len() - 1]), Err(VoiceError::NotAVoiceNote(MediaError::Truncated)));
        assert_eq!(
            seconds_of(b"\xFF\xD8\xFF\xE0 a photo"),
            Err(VoiceError::NotAVoiceNote(MediaError::NotA(MediaType::OggOpus)))
        );
        assert_eq!(seconds_of(&[]), Err(VoiceError::NotAVoiceNote(MediaError::Empty)));
    }

    /// A minute of espeak-ng speech at 16 kHz (espeak-ng speaks at 22050 Hz; resampled linearly).
    fn a_minute_of_espeak() -> Vec<i16> {
        let text = "Rruga për në fshatin Qerret është përmbytur që nga e hëna. Makinat nuk kalojnë dot, \
                    dhe fëmijët nuk shkojnë dot në shkollë. Ju lutem, dërgoni dikë ta shohë sa më shpejt. ";
        let wav =
            run("espeak-ng", &["-v".as_ref(), "sq".as_ref(), "--stdout".as_ref(), text.repeat(6).as_ref()]).stdout;
        let (speech, rate) = wav_samples(&wav);
        let out = 16_000 * 60;
        assert!(speech.len() as f64 / f64::from(rate) >= 60.0, "espeak-ng spoke {} s", speech.len() / rate as usize);
        (0..out)
            .map(|n| {
                let at = n as f64 * f64::from(rate) / 16_000.0;
                let (i, frac) = (at as usize, at.fract());
                (f64::from(speech[i]) * (1.0 - frac) + f64::from(speech[i + 1]) * frac) as i16
            })
            .collect()
    }

    #[test]
    fn a_minute_of_speech_is_about_90_kb() {
        for (what, pcm) in [("voice-like signal", voice_like(60.0, 16_000)), ("espeak-ng speech", a_minute_of_espeak())]
        {
            let note = encode(&pcm, 16_000).unwrap();
            // Printed for the issue's note (`cargo test -p mcommunity-client voice -- --nocapture`).
            eprintln!("one minute of {what}: {} bytes", note.bytes.len());
            assert_eq!(note.seconds, 60);
            assert!(
                (45_000..=100_000).contains(&note.bytes.len()),
                "about 12 kbit/s with little container overhead: {} bytes for a minute of {what}",
                note.bytes.len()
            );
        }
    }
}
