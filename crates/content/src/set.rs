//! The `lessons/` folder as a checked set: every lesson of every course, every practice form,
//! and the files they name. [`load`] reads it all and reports every problem it finds, each with
//! its file, so a trainer fixes them in one go.
//!
//! Layout: `<course>/*.toml` for lessons (`beginners`, `everyday`, `helpers`), `forms/*.toml` for
//! practice forms, `assessment/*.toml` for the digital-skills assessment's instrument,
//! `pictures/*.svg`, `audio/*.ogg` for recorded narration.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt,
    path::{Path, PathBuf},
};

use mcommunity_core::{assessment::Instrument, forms::Form, lessons::Lesson};

/// The course folders, in the order the app shows them.
pub const COURSES: [&str; 3] = ["beginners", "everyday", "helpers"];

/// The largest picture accepted: pictures are simple drawings.
pub const MAX_PICTURE: usize = 64 * 1024;

/// A checked content set.
#[derive(Debug, Clone)]
pub struct Set {
    /// Every lesson, by course and order.
    pub lessons: Vec<Lesson>,
    /// Every practice form, by id.
    pub forms: Vec<Form>,
    /// The skills assessment's instruments (`assessment/`), by id; the app offers
    /// [`mcommunity_core::assessment::INSTRUMENT_ID`].
    pub instruments: Vec<Instrument>,
    /// The pictures used, by file name.
    pub pictures: BTreeMap<String, Vec<u8>>,
    /// The recordings used, by file name.
    pub recordings: BTreeMap<String, Vec<u8>>,
}

/// Something wrong in the content, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the content folder.
    pub file: PathBuf,
    /// What is wrong, for a trainer.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

/// Reads and checks the content folder `dir`.
pub fn load(dir: &Path) -> Result<Set, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |file: &Path, message: String| {
        problems.push(Problem { file: file.strip_prefix(dir).unwrap_or(file).to_owned(), message })
    };
    let mut lessons = Vec::new();
    for course in COURSES {
        for file in toml_files(&dir.join(course), &mut problem) {
            let Some(text) = read_text(&file, &mut problem) else { continue };
            match Lesson::from_toml(&text) {
                Ok(lesson) => {
                    for message in lesson.problems() {
                        problem(&file, message);
                    }
                    if serde_plain(&lesson.course) != course {
                        problem(&file, format!("the lesson says course {:?} but is in {course}/", lesson.course));
                    }
                    lessons.push((file, lesson));
                }
                Err(e) => problem(&file, e.to_string()),
            }
        }
    }
    let mut forms = Vec::new();
    for file in toml_files(&dir.join("forms"), &mut problem) {
        let Some(text) = read_text(&file, &mut problem) else { continue };
        match Form::from_toml(&text) {
            Ok(form) => forms.push((file, form)),
            Err(e) => problem(&file, e.to_string()),
        }
    }
    let mut instruments = Vec::new();
    for file in toml_files(&dir.join("assessment"), &mut problem) {
        let Some(text) = read_text(&file, &mut problem) else { continue };
        match Instrument::from_toml(&text) {
            Ok(instrument) => {
                for message in instrument.problems() {
                    problem(&file, message);
                }
                for task in &instrument.tasks {
                    if let Some(form) = task.form.as_ref().filter(|f| !forms.iter().any(|(_, known)| known.id == **f)) {
                        problem(
                            &file,
                            format!("task {:?} names the practice form {form:?}, which forms/ lacks", task.id),
                        );
                    }
                }
                if instruments.iter().any(|(_, known): &(PathBuf, Instrument)| known.id == instrument.id) {
                    problem(&file, format!("another instrument already has the id {:?}", instrument.id));
                }
                instruments.push((file, instrument));
            }
            Err(e) => problem(&file, e.to_string()),
        }
    }
    let mut ids = BTreeSet::new();
    for (file, id) in lessons.iter().map(|(f, l)| (f, &l.id)).chain(forms.iter().map(|(f, form)| (f, &form.id))) {
        if !ids.insert(id.clone()) {
            problem(file, format!("another lesson or form already has the id {id:?}"));
        }
    }
    let mut pictures = BTreeMap::new();
    let mut recordings = BTreeMap::new();
    let wanted_pictures = lessons
        .iter()
        .flat_map(|(f, l)| l.pictures().into_iter().map(move |p| (f, p.to_owned())))
        .chain(forms.iter().map(|(f, form)| (f, form.picture.clone())))
        .chain(instruments.iter().flat_map(|(f, i)| i.pictures().into_iter().map(move |p| (f, p.to_owned()))));
    for (file, name) in wanted_pictures {
        if pictures.contains_key(&name) {
            continue;
        }
        match read_file(&dir.join("pictures"), &name) {
            Ok(bytes) => match picture_problem(&name, &bytes) {
                Some(message) => problem(file, message),
                None => {
                    pictures.insert(name, bytes);
                }
            },
            Err(message) => problem(file, format!("picture {name:?}: {message}")),
        }
    }
    for (file, lesson) in &lessons {
        for name in lesson.narration().into_iter().filter_map(|n| n.recording) {
            if recordings.contains_key(&name) {
                continue;
            }
            match read_file(&dir.join("audio"), &name) {
                Ok(bytes) if bytes.starts_with(b"OggS") => {
                    recordings.insert(name, bytes);
                }
                Ok(_) => problem(file, format!("recording {name:?} is not an Ogg file")),
                Err(message) => problem(file, format!("recording {name:?}: {message}")),
            }
        }
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| (&a.file, &a.message).cmp(&(&b.file, &b.message)));
        return Err(problems);
    }
    let mut lessons: Vec<Lesson> = lessons.into_iter().map(|(_, l)| l).collect();
    lessons.sort_by(|a, b| (a.course, a.order, &a.id).cmp(&(b.course, b.order, &b.id)));
    let mut forms: Vec<Form> = forms.into_iter().map(|(_, f)| f).collect();
    forms.sort_by(|a, b| a.id.cmp(&b.id));
    let mut instruments: Vec<Instrument> = instruments.into_iter().map(|(_, i)| i).collect();
    instruments.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Set { lessons, forms, instruments, pictures, recordings })
}

fn serde_plain(course: &mcommunity_core::lessons::Course) -> String {
    serde_json::to_value(course).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn toml_files(dir: &Path, problem: &mut impl FnMut(&Path, String)) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problem(dir, e.to_string());
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn read_text(file: &Path, problem: &mut impl FnMut(&Path, String)) -> Option<String> {
    std::fs::read_to_string(file).map_err(|e| problem(file, format!("cannot be read as UTF-8 text: {e}"))).ok()
}

/// Reads `name` from `dir`, refusing names that would leave it.
fn read_file(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    let plain = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
        && !name.starts_with('.');
    if !plain {
        return Err("a file name is lowercase letters, digits, dashes and one dot".into());
    }
    std::fs::read(dir.join(name)).map_err(|e| format!("cannot be read ({e})"))
}

/// What makes a picture unfit: too big, not SVG, or able to run script or fetch something.
pub fn picture_problem(name: &str, bytes: &[u8]) -> Option<String> {
    if !name.ends_with(".svg") {
        return Some(format!("picture {name:?} must be an SVG drawing"));
    }
    if bytes.len() > MAX_PICTURE {
        return Some(format!(
            "picture {name:?} is {} KB; keep drawings under {} KB",
            bytes.len() / 1024,
            MAX_PICTURE / 1024
        ));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Some(format!("picture {name:?} is not UTF-8 text"));
    };
    let lower = text.to_ascii_lowercase();
    if !lower.contains("<svg") {
        return Some(format!("picture {name:?} has no <svg> element"));
    }
    for banned in ["<script", "javascript:", "<foreignobject", "<image", "href=\"http", "href='http", "@import"] {
        if lower.contains(banned) {
            return Some(format!("picture {name:?} contains {banned:?}; pictures are self-contained drawings"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_that_could_run_or_fetch_are_refused() {
        let ok =
            br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240"><rect width="10" height="10"/></svg>"#;
        assert_eq!(picture_problem("a.svg", ok), None);
        assert!(picture_problem("a.png", ok).is_some());
        for bad in [
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg><image href="http://x/y.png"/></svg>"#,
            r#"<svg><a href="javascript:alert(1)"/></svg>"#,
            r#"not a drawing"#,
        ] {
            assert!(picture_problem("a.svg", bad.as_bytes()).is_some(), "{bad}");
        }
        assert!(picture_problem("a.svg", &vec![b' '; MAX_PICTURE + 1]).is_some());
    }

    #[test]
    fn file_names_cannot_leave_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_file(dir.path(), "../secret").is_err());
        assert!(read_file(dir.path(), "/etc/passwd").is_err());
        assert!(read_file(dir.path(), ".hidden").is_err());
    }
}
