//! The prebuilt index file (docs/index-format.md): a magic, a version and
//! checksummed sections holding the records and both inverted indexes, so
//! that loading decodes and never re-tokenises.
//!
//! ```text
//! "HFSX" | version u16 LE | reserved u16 | section count u32 LE
//! per section: tag [4] | length u32 LE | FNV-1a 32 of the payload u32 LE | payload
//! ```
//!
//! Sections: `PROJ` projects, `PART` participations (by column), `POST` partner
//! postings, `LENS` field lengths, `SYNG` project postings and lengths.
//! Numbers inside payloads are LEB128 varints; strings are a length and
//! UTF-8; sorted terms are front-coded. Unknown sections are skipped.
//! Every load error is a value ([`LoadError`]): nothing in a file, however
//! damaged, makes the loader panic.

mod codec;

use crate::index::{FIELDS, Index, Posting, Postings};
use crate::msg::{concat, number};
use crate::record::{Dataset, Partner, Project};
use crate::synergy::ProjectIndex;
use codec::{Reader, Writer, fnv1a};
use std::borrow::Cow;
use std::fmt;

/// The file's first four bytes.
pub const MAGIC: &[u8; 4] = b"HFSX";
/// The format version this code writes and reads.
pub const VERSION: u16 = 1;

/// Why a file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// It does not start with the magic.
    NotAnIndex,
    /// It is another version of the format.
    Version {
        /// The file's version.
        found: u16,
    },
    /// It ends early, fails its checksum or holds impossible values.
    Corrupt(String),
}

impl LoadError {
    /// What went wrong, in words (what `Display` prints; built without
    /// `core::fmt`, for the wasm element: [`crate::msg`]).
    pub fn message(&self) -> String {
        match self {
            LoadError::NotAnIndex => "not a hitforms search index (no HFSX magic)".to_owned(),
            LoadError::Version { found } => concat(&[
                "index format version ",
                &number(u64::from(*found)),
                "; this build reads version ",
                &number(u64::from(VERSION)),
                " (rebuild it with `hitforms index build`)",
            ]),
            LoadError::Corrupt(why) => concat(&["damaged index: ", why]),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

fn write_postings(w: &mut Writer, p: &Postings) {
    w.varint(p.terms.len() as u64);
    let mut previous = "";
    for (t, term) in p.terms.iter().enumerate() {
        let shared = previous.bytes().zip(term.bytes()).take_while(|(a, b)| a == b).count();
        let shared = (0..=shared).rev().find(|&s| term.is_char_boundary(s)).unwrap_or(0);
        w.varint(shared as u64);
        w.str(&term[shared..]);
        previous = term;
        let postings = p.of(t);
        w.varint(postings.len() as u64);
        let mut last = 0;
        for e in postings {
            w.varint(u64::from(e.doc - last));
            // Field in the low 3 bits, term frequency above; 31 means
            // "the frequency follows in the next byte".
            w.byte(e.field | (e.tf.min(31) << 3));
            if e.tf >= 31 {
                w.byte(e.tf);
            }
            last = e.doc;
        }
    }
}

fn read_postings(r: &mut Reader, docs: usize, fields: u8) -> Result<Postings, String> {
    let count = r.len()?;
    // Sized exactly up front (a first pass counts the postings): growing by
    // doubling would briefly hold two copies, and wasm memory keeps its peak.
    let mut out = Postings {
        terms: Vec::with_capacity(count),
        offsets: Vec::with_capacity(count + 1),
        entries: Vec::with_capacity(count_postings(r.clone(), count).unwrap_or(0)),
        df: Vec::new(),
    };
    out.offsets.push(0);
    for _ in 0..count {
        let shared = r.len()?;
        let suffix = r.str()?;
        let previous = out.terms.last().map_or("", String::as_str);
        let prefix = previous.get(..shared).ok_or("a term shares more than its predecessor")?;
        let mut term = String::with_capacity(shared + suffix.len());
        term.push_str(prefix);
        term.push_str(suffix);
        if !out.terms.is_empty() && term.as_str() <= previous {
            return Err(concat(&["terms out of order at \"", &term, "\""]));
        }
        let n = r.len()?;
        let mut doc = 0u64;
        for k in 0..n {
            let delta = r.varint()?;
            doc = doc.checked_add(delta).ok_or("a document number overflows")?;
            let packed = r.byte()?;
            let (field, tf) = (packed & 7, packed >> 3);
            let tf = if tf == 31 { r.byte()? } else { tf };
            if doc >= docs as u64
                || field >= fields
                || (k > 0 && delta == 0 && field <= out.entries.last().map_or(0, |e| e.field))
            {
                return Err(concat(&["an impossible posting of \"", &term, "\""]));
            }
            out.entries.push(Posting { doc: doc as u32, field, tf });
        }
        out.offsets.push(out.entries.len() as u32);
        out.terms.push(term);
    }
    out.compute_df();
    Ok(out)
}

/// The number of postings of `count` terms at `r` (errors are left to the
/// decoding pass, which reports them).
fn count_postings(mut r: Reader, count: usize) -> Result<usize, String> {
    let mut total = 0usize;
    for _ in 0..count {
        r.len()?;
        r.str()?;
        let n = r.len()?;
        for _ in 0..n {
            r.varint()?;
            if r.byte()? >> 3 == 31 {
                r.byte()?;
            }
        }
        total += n;
    }
    Ok(total)
}

/// The index as file bytes.
pub fn write(index: &Index) -> Vec<u8> {
    let data = &index.data;
    let mut sections: Vec<(&[u8; 4], Writer)> = Vec::new();
    let mut w = Writer::default();
    w.varint(data.projects.len() as u64);
    for p in &data.projects {
        for s in [&p.programme, &p.acronym, &p.title, &p.period, &p.description, &p.website] {
            w.str(s);
        }
        w.varint(p.objectives.len() as u64);
        p.objectives.iter().for_each(|o| w.str(o));
    }
    sections.push((b"PROJ", w));
    let mut w = Writer::default();
    w.varint(data.partners.len() as u64);
    data.partners.iter().for_each(|p| w.varint(u64::from(p.project)));
    for column in 0..COLUMNS {
        data.partners.iter().for_each(|p| w.str(column_of(p, column)));
    }
    sections.push((b"PART", w));
    let mut w = Writer::default();
    write_postings(&mut w, &index.postings);
    sections.push((b"POST", w));
    let mut w = Writer::default();
    w.bytes(&index.lens);
    sections.push((b"LENS", w));
    let mut w = Writer::default();
    write_postings(&mut w, &index.projects.postings);
    index.projects.lens.iter().for_each(|&l| w.varint(u64::from(l)));
    sections.push((b"SYNG", w));

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for (tag, w) in sections {
        let payload = w.into_bytes();
        out.extend_from_slice(tag);
        out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
    }
    out
}

/// Where a file's bytes come from: all in memory ([`read`]) or fetched a
/// range at a time ([`read_from`]), so that a browser never holds the whole
/// file and the decoded index at once (wasm memory keeps its peak).
pub trait Source {
    /// The file's length in bytes.
    fn size(&self) -> usize;
    /// The `len` bytes at `at`; the loader asks only for ranges inside the file.
    fn get(&mut self, at: usize, len: usize) -> Cow<'_, [u8]>;
}

impl<S: Source + ?Sized> Source for &mut S {
    fn size(&self) -> usize {
        (**self).size()
    }

    fn get(&mut self, at: usize, len: usize) -> Cow<'_, [u8]> {
        (**self).get(at, len)
    }
}

impl Source for &[u8] {
    fn size(&self) -> usize {
        self.len()
    }

    fn get(&mut self, at: usize, len: usize) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self[at..at + len])
    }
}

/// Where one section's payload lies.
struct Entry {
    tag: [u8; 4],
    at: usize,
    len: usize,
    sum: u32,
}

/// The section table of a file, read from the header and each section's
/// own header (12 bytes each), not from the payloads.
fn table(src: &mut impl Source) -> Result<Vec<Entry>, LoadError> {
    let total = src.size();
    if total < 4 || *src.get(0, 4) != MAGIC[..] {
        return Err(LoadError::NotAnIndex);
    }
    let early = |at: usize, n: usize| LoadError::Corrupt(codec::ends_early(n, at));
    if total < 12 {
        return Err(early(4, 8));
    }
    let head = src.get(4, 8).into_owned();
    let version = u16::from_le_bytes([head[0], head[1]]);
    if version != VERSION {
        return Err(LoadError::Version { found: version });
    }
    let count = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
    let mut at = 12;
    let mut out = Vec::new();
    for _ in 0..count {
        if total - at < 12 {
            return Err(early(at, 12));
        }
        let h = src.get(at, 12);
        let word = |i: usize| u32::from_le_bytes([h[i], h[i + 1], h[i + 2], h[i + 3]]);
        let (tag, len, sum) = ([h[0], h[1], h[2], h[3]], word(4) as usize, word(8));
        at += 12;
        if len > total - at {
            return Err(early(at, len));
        }
        out.push(Entry { tag, at, len, sum });
        at += len;
    }
    Ok(out)
}

/// The checked payload of section `tag`.
fn payload<'s>(
    src: &'s mut impl Source,
    table: &[Entry],
    tag: &[u8; 4],
) -> Result<Cow<'s, [u8]>, LoadError> {
    // Tags are the ASCII names of this module's own constants.
    let name = std::str::from_utf8(tag).unwrap_or("?");
    let entry = table
        .iter()
        .find(|e| e.tag == *tag)
        .ok_or_else(|| LoadError::Corrupt(concat(&["section ", name, " is missing"])))?;
    let bytes = src.get(entry.at, entry.len);
    if fnv1a(&bytes) != entry.sum {
        return Err(LoadError::Corrupt(concat(&["section ", name, " fails its checksum"])));
    }
    Ok(bytes)
}

/// Loads an index from file bytes.
pub fn read(bytes: &[u8]) -> Result<Index, LoadError> {
    read_from(bytes)
}

/// Loads an index from `src`, one section at a time: each payload is
/// dropped once decoded (unknown sections are never fetched).
pub fn read_from(mut src: impl Source) -> Result<Index, LoadError> {
    let table = table(&mut src)?;
    // Each payload lives in its own block: a shadowed binding would keep
    // every payload until the end of the function.
    let projects = {
        let bytes = payload(&mut src, &table, b"PROJ")?;
        read_projects(&mut Reader::new(&bytes)).map_err(at("PROJ"))?
    };
    let partners = {
        let bytes = payload(&mut src, &table, b"PART")?;
        read_partners(&mut Reader::new(&bytes), projects.len()).map_err(at("PART"))?
    };
    let (np, nd) = (projects.len(), partners.len());
    let postings = {
        let bytes = payload(&mut src, &table, b"POST")?;
        read_postings(&mut Reader::new(&bytes), nd, FIELDS as u8).map_err(at("POST"))?
    };
    let lens = {
        let bytes = payload(&mut src, &table, b"LENS")?;
        Reader::new(&bytes).take(nd * FIELDS).map_err(at("LENS"))?.to_vec()
    };
    let (synergy, slens) = {
        let bytes = payload(&mut src, &table, b"SYNG")?;
        let mut r = Reader::new(&bytes);
        let synergy = read_postings(&mut r, np, 1).map_err(at("SYNG"))?;
        let slens = (0..np)
            .map(|_| r.varint().map(|v| v as u32))
            .collect::<Result<Vec<_>, _>>()
            .map_err(at("SYNG"))?;
        (synergy, slens)
    };
    let data = Dataset::from_parts(projects, partners);
    Ok(Index::from_parts(data, postings, lens, ProjectIndex { postings: synergy, lens: slens }))
}

/// A damage report for section `tag`.
fn at(tag: &'static str) -> impl Fn(String) -> LoadError {
    move |e| LoadError::Corrupt(concat(&["section ", tag, ": ", &e]))
}

fn read_projects(r: &mut Reader) -> Result<Vec<Project>, String> {
    let n = r.len()?;
    let mut out = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let mut p = Project {
            programme: r.string()?,
            acronym: r.string()?,
            title: r.string()?,
            period: r.string()?,
            description: r.string()?,
            website: r.string()?,
            objectives: Vec::new(),
        };
        for _ in 0..r.len()? {
            p.objectives.push(r.string()?);
        }
        out.push(p);
    }
    Ok(out)
}

/// The text columns of a participation, in file order.
const COLUMNS: usize = 14;

/// Text column `c` of `p` (see [`COLUMNS`]).
fn column_of(p: &Partner, c: usize) -> &String {
    match c {
        0 => &p.organisation,
        1 => &p.department,
        2 => &p.street,
        3 => &p.postal_code,
        4 => &p.town,
        5 => &p.country,
        6..=8 => &p.nuts[c - 6],
        9 => &p.region,
        10 => &p.legal_status,
        11 => &p.partner_type,
        12 => &p.role,
        _ => &p.website,
    }
}

/// Text column `c` of `p`, to fill.
fn column_mut(p: &mut Partner, c: usize) -> &mut String {
    match c {
        0 => &mut p.organisation,
        1 => &mut p.department,
        2 => &mut p.street,
        3 => &mut p.postal_code,
        4 => &mut p.town,
        5 => &mut p.country,
        6..=8 => &mut p.nuts[c - 6],
        9 => &mut p.region,
        10 => &mut p.legal_status,
        11 => &mut p.partner_type,
        12 => &mut p.role,
        _ => &mut p.website,
    }
}

/// Participations are stored by column (all projects, then all names, …):
/// similar values side by side compress better under gzip.
fn read_partners(r: &mut Reader, projects: usize) -> Result<Vec<Partner>, String> {
    let n = r.len()?;
    let mut out = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let project = r.varint()?;
        if project >= projects as u64 {
            return Err(concat(&[
                "a participation names project ",
                &number(project),
                " of ",
                &number(projects as u64),
            ]));
        }
        out.push(Partner { project: project as u32, ..Partner::default() });
    }
    for column in 0..COLUMNS {
        for p in &mut out {
            *column_mut(p, column) = r.string()?;
        }
    }
    Ok(out)
}
