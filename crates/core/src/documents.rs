//! What every document shares: its kind, its schema version, and typed access to its fields.
//!
//! Every user document is an Automerge document whose root map holds `type` (the [`DocKind`]) and
//! `schema` (a version number that only grows; readers accept any version they know how to read).

use std::{fmt, str::FromStr};

use automerge::{AutoCommit, ObjType, ROOT, ReadDoc, ScalarValue, Value};
use serde::{Deserialize, Serialize};

/// The kinds of document a device keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DocKind {
    /// A person using the device.
    Profile,
    /// A submission to the municipality (a draft until sent).
    Submission,
    /// A published lesson (written only by the municipality's server).
    Lesson,
    /// A published practice form (written only by the municipality's server).
    Form,
    /// A profile's record of lessons and practice.
    Progress,
    /// The municipality's answer to a sent submission (written only by the server).
    Answer,
    /// An announcement of the municipality to everyone (written only by the server).
    Announcement,
    /// The municipality's list of submission categories (written only by the server).
    Categories,
    /// A digital-skills assessment of a profile (DigComp 2.2).
    Assessment,
    /// The published digital-skills assessment instrument (written only by the server).
    Instrument,
    /// A volunteer's record of a community session.
    Session,
}

impl DocKind {
    /// The stored name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Profile => "profile",
            DocKind::Submission => "submission",
            DocKind::Lesson => "lesson",
            DocKind::Form => "form",
            DocKind::Progress => "progress",
            DocKind::Answer => "answer",
            DocKind::Announcement => "announcement",
            DocKind::Categories => "categories",
            DocKind::Assessment => "assessment",
            DocKind::Instrument => "instrument",
            DocKind::Session => "session",
        }
    }
}

impl FromStr for DocKind {
    type Err = SchemaError;

    fn from_str(s: &str) -> Result<DocKind, SchemaError> {
        match s {
            "profile" => Ok(DocKind::Profile),
            "submission" => Ok(DocKind::Submission),
            "lesson" => Ok(DocKind::Lesson),
            "form" => Ok(DocKind::Form),
            "progress" => Ok(DocKind::Progress),
            "answer" => Ok(DocKind::Answer),
            "announcement" => Ok(DocKind::Announcement),
            "categories" => Ok(DocKind::Categories),
            "assessment" => Ok(DocKind::Assessment),
            "instrument" => Ok(DocKind::Instrument),
            "session" => Ok(DocKind::Session),
            _ => Err(SchemaError::Field("type")),
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A document that does not follow its schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaError {
    /// The field is missing or has the wrong type or value.
    #[error("field {0:?} is missing or malformed")]
    Field(&'static str),
    /// The document is of another kind than expected.
    #[error("expected a {expected} document")]
    WrongKind {
        /// The kind the caller asked for.
        expected: DocKind,
    },
}

/// Writes the `type` and `schema` fields of a new document.
pub(crate) fn init(doc: &mut AutoCommit, kind: DocKind, schema: u64) {
    use automerge::transaction::Transactable;
    doc.put(ROOT, "type", kind.as_str()).expect("root is a map");
    doc.put(ROOT, "schema", schema).expect("root is a map");
}

/// The kind a document says it is.
pub fn kind_of(doc: &AutoCommit) -> Result<DocKind, SchemaError> {
    get_str(doc, &ROOT, "type")?.parse()
}

/// Fails unless the document is of `expected` kind.
pub(crate) fn expect_kind(doc: &AutoCommit, expected: DocKind) -> Result<(), SchemaError> {
    if kind_of(doc)? == expected { Ok(()) } else { Err(SchemaError::WrongKind { expected }) }
}

pub(crate) fn get_scalar(
    doc: &AutoCommit,
    obj: &automerge::ObjId,
    key: &'static str,
) -> Result<Option<ScalarValue>, SchemaError> {
    match doc.get(obj, key).map_err(|_| SchemaError::Field(key))? {
        Some((Value::Scalar(s), _)) => Ok(Some(s.into_owned())),
        Some(_) => Err(SchemaError::Field(key)),
        None => Ok(None),
    }
}

pub(crate) fn get_str(doc: &AutoCommit, obj: &automerge::ObjId, key: &'static str) -> Result<String, SchemaError> {
    match get_scalar(doc, obj, key)? {
        Some(ScalarValue::Str(s)) => Ok(s.to_string()),
        _ => Err(SchemaError::Field(key)),
    }
}

pub(crate) fn get_opt_str(
    doc: &AutoCommit,
    obj: &automerge::ObjId,
    key: &'static str,
) -> Result<Option<String>, SchemaError> {
    match get_scalar(doc, obj, key)? {
        Some(ScalarValue::Str(s)) => Ok(Some(s.to_string())),
        Some(ScalarValue::Null) | None => Ok(None),
        _ => Err(SchemaError::Field(key)),
    }
}

pub(crate) fn get_i64(doc: &AutoCommit, obj: &automerge::ObjId, key: &'static str) -> Result<i64, SchemaError> {
    match get_scalar(doc, obj, key)? {
        Some(ScalarValue::Int(n)) | Some(ScalarValue::Timestamp(n)) => Ok(n),
        Some(ScalarValue::Uint(n)) => i64::try_from(n).map_err(|_| SchemaError::Field(key)),
        _ => Err(SchemaError::Field(key)),
    }
}

/// The id of the text object under `key`, which must be an Automerge text.
pub(crate) fn text_obj(doc: &AutoCommit, key: &'static str) -> Result<automerge::ObjId, SchemaError> {
    match doc.get(ROOT, key).map_err(|_| SchemaError::Field(key))? {
        Some((Value::Object(ObjType::Text), id)) => Ok(id),
        _ => Err(SchemaError::Field(key)),
    }
}

pub(crate) fn get_text(doc: &AutoCommit, key: &'static str) -> Result<String, SchemaError> {
    let id = text_obj(doc, key)?;
    doc.text(&id).map_err(|_| SchemaError::Field(key))
}
