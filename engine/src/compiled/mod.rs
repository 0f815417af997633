//! Compiled templates and configurations: a checked [`Template`] or
//! [`Config`] written so that a reader needs neither the template loader
//! nor the expression compiler (docs/decisions.md, "Compiled templates").
//!
//! `hitforms compile` loads and checks a template (and a call
//! configuration against it), reporting every problem as `hitforms check`
//! does, and writes the result as a small JSON document:
//!
//! ```json
//! {"hitforms": "compiled", "format": 1, "kind": "template",
//!  "id": "hit-application", "version": "1.0.0",
//!  "strings": ["hit-application", "1.0.0", "en", …], "data": "SEZDMQF…"}
//! ```
//!
//! `data` is the model in the byte format of [`wire`] (base64), after a
//! four-byte magic and a kind byte, and followed by an FNV-1a checksum of
//! everything before it and of `strings`, the table of every distinct
//! string the model holds (labels, ids, expressions as written), which
//! `data` refers to by index. Reading checks the magic, kind, checksum and the
//! structure (every count, tag and index), so a damaged or edited file
//! gives an [`Issue`], never a panic; it trusts the checksum for what the
//! checker proved (names resolve, types agree), which only `hitforms
//! compile` writes. A compiled configuration names the template id and
//! version it was checked against, and is refused for any other.

mod base64;
mod config;
mod expr;
mod model;
pub(crate) mod wire;

use crate::config::Config;
use crate::issue::{Code, Issue};
use crate::template::Template;
use wire::{Reader, Wire, Writer};

/// The format version this engine writes and reads.
pub const FORMAT: u32 = 1;
const MAGIC: &[u8; 4] = b"HFC1";
const KIND_TEMPLATE: u8 = 1;
const KIND_CONFIG: u8 = 2;

impl Template {
    /// This template in the compiled format (JSON text). The template must
    /// have loaded without problems: every expression compiled.
    pub fn to_compiled(&self) -> String {
        let mut w = Writer::default();
        self.put(&mut w);
        wrap("template", &self.id, &self.version, KIND_TEMPLATE, w)
    }

    /// Reads a compiled template written by [`Template::to_compiled`].
    pub fn from_compiled(text: &str) -> Result<Template, Issue> {
        read(text, KIND_TEMPLATE, Template::get)
    }
}

impl Config {
    /// This configuration in the compiled format, for `template` (the one
    /// it was checked against; its id and version are recorded).
    pub fn to_compiled(&self, template: &Template) -> String {
        let mut w = Writer::default();
        template.id.put(&mut w);
        template.version.put(&mut w);
        self.put(&mut w);
        let name = self.name.as_deref().unwrap_or("");
        wrap("config", name, &template.version, KIND_CONFIG, w)
    }

    /// Reads a compiled configuration; it must have been compiled for this
    /// template id and version.
    pub fn from_compiled(text: &str, template: &Template) -> Result<Config, Issue> {
        let for_template =
            |r: &mut Reader| Some((String::get(r)?, String::get(r)?, Config::get(r)?));
        let (id, version, config) = read(text, KIND_CONFIG, for_template)?;
        if id != template.id || version != template.version {
            return Err(Issue::error("", Code::CompiledTemplateMismatch)
                .with("config", format!("{id} {version}"))
                .with("template", format!("{} {}", template.id, template.version)));
        }
        Ok(config)
    }
}

fn damaged() -> Issue {
    Issue::error("", Code::CompiledDamaged)
}

/// FNV-1a, 64 bits, over the bytes and then each string followed by 0xff
/// (never a byte of UTF-8): catches a changed or cut file (not a forgery).
fn checksum<'a>(bytes: &[u8], strings: impl Iterator<Item = &'a str>) -> [u8; 8] {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| step(h, b));
    let hash = strings.fold(hash, |h, s| step(s.bytes().fold(h, step), 0xff));
    hash.to_le_bytes()
}

/// The JSON document around a written model.
fn wrap(kind: &str, id: &str, version: &str, tag: u8, body: Writer) -> String {
    let mut bytes = MAGIC.to_vec();
    bytes.push(tag);
    bytes.extend_from_slice(&body.bytes);
    let sum = checksum(&bytes, body.strings.iter().map(String::as_str));
    bytes.extend_from_slice(&sum);
    let text = |s: &str| serde_json::Value::String(s.to_owned()).to_string();
    let strings = serde_json::Value::from(body.strings).to_string();
    format!(
        r#"{{"hitforms":"compiled","format":{FORMAT},"kind":{},"id":{},"version":{},"strings":{strings},"data":"{}"}}"#,
        text(kind),
        text(id),
        text(version),
        base64::encode(&bytes)
    )
}

/// For fuzzing: `text` (a compiled document) with the checksum made right
/// for whatever bytes and strings it holds, so that a fuzzer's changes reach
/// the reader instead of stopping at the checksum. `None` when `text` has no
/// base64 `data` of at least eight bytes or a string table of strings.
#[doc(hidden)]
pub fn reseal(text: &str) -> Option<String> {
    let mut doc = crate::json::parse(text).ok()?;
    let strings: Vec<&str> = doc
        .get("strings")?
        .as_array()?
        .iter()
        .map(serde_json::Value::as_str)
        .collect::<Option<_>>()?;
    let mut bytes = base64::decode(doc.get("data")?.as_str()?)?;
    let body_end = bytes.len().checked_sub(8)?;
    let sum = checksum(&bytes[..body_end], strings.into_iter());
    bytes[body_end..].copy_from_slice(&sum);
    doc["data"] = serde_json::Value::String(base64::encode(&bytes));
    Some(doc.to_string())
}

/// Reads the model of a compiled document of kind `tag` with `get`, after
/// checking the marker, format, magic, kind and checksum; `get` must read
/// every byte.
fn read<T>(text: &str, tag: u8, get: impl FnOnce(&mut Reader) -> Option<T>) -> Result<T, Issue> {
    let doc = crate::json::parse(text).map_err(|_| damaged())?;
    if doc.get("hitforms").and_then(serde_json::Value::as_str) != Some("compiled") {
        return Err(Issue::error("", Code::CompiledRequired));
    }
    let format = doc.get("format").and_then(serde_json::Value::as_u64);
    if format != Some(u64::from(FORMAT)) {
        let found = format.map_or_else(|| "?".to_owned(), |f| f.to_string());
        return Err(Issue::error("/format", Code::CompiledFormat)
            .with("format", found)
            .with("expected", FORMAT.to_string()));
    }
    let strings = doc.get("strings").and_then(serde_json::Value::as_array).ok_or_else(damaged)?;
    let texts: Option<Vec<&str>> = strings.iter().map(serde_json::Value::as_str).collect();
    let data = doc.get("data").and_then(serde_json::Value::as_str).ok_or_else(damaged)?;
    let bytes = base64::decode(data).ok_or_else(damaged)?;
    let body_end = bytes.len().checked_sub(8).filter(|&n| n > MAGIC.len()).ok_or_else(damaged)?;
    let sound = bytes[..4] == MAGIC[..]
        && bytes[4] == tag
        && checksum(&bytes[..body_end], texts.ok_or_else(damaged)?.into_iter())
            == bytes[body_end..];
    if !sound {
        return Err(damaged());
    }
    let mut r = Reader::new(&bytes[5..body_end], strings);
    get(&mut r).filter(|_| r.done()).ok_or_else(damaged)
}

#[cfg(test)]
mod tests;
