//! The binary index: a round trip gives the same records and results; a
//! damaged, truncated or other-version file is an error, never a panic.

mod common;

use hitforms_search::binary::{self, LoadError, MAGIC, VERSION};
use hitforms_search::{Index, Query};

#[test]
fn round_trips_records_and_results() {
    let index = common::index();
    let bytes = binary::write(&index);
    let loaded = binary::read(&bytes).expect("loads");
    assert_eq!(loaded.data.partners, index.data.partners);
    assert_eq!(loaded.data.projects, index.data.projects);
    assert_eq!(loaded.postings, index.postings);
    assert_eq!(loaded.lens, index.lens);
    assert_eq!(loaded.projects, index.projects);
    for text in ["padagogische", "univrsitat", "maribor qqqqqqqq", "muse", ""] {
        assert_eq!(loaded.search(&Query::new(text)), index.search(&Query::new(text)), "{text}");
    }
    let idea = "heat pumps for villages";
    assert_eq!(loaded.similar(idea, 3), index.similar(idea, 3));
    // Writing is deterministic.
    assert_eq!(binary::write(&loaded), bytes);
}

#[test]
fn refuses_other_files_and_versions() {
    assert_eq!(binary::read(b"").unwrap_err(), LoadError::NotAnIndex);
    assert_eq!(binary::read(b"{\"format\": 1}").unwrap_err(), LoadError::NotAnIndex);
    let mut bytes = binary::write(&common::index());
    bytes[4..6].copy_from_slice(&(VERSION + 1).to_le_bytes());
    let err = binary::read(&bytes).unwrap_err();
    assert_eq!(err, LoadError::Version { found: VERSION + 1 });
    assert!(err.to_string().contains("hitforms index build"));
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = binary::write(&common::index());
    for cut in 0..bytes.len() {
        assert!(binary::read(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn damaged_bytes_are_an_error_not_a_panic() {
    let bytes = binary::write(&common::index());
    for at in (MAGIC.len() + 4..bytes.len()).step_by(7) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x5a;
        // Header damage may still load only if it hits reserved bytes.
        if let Ok(index) = binary::read(&damaged) {
            assert!(at < 12, "damage at {at} went unnoticed");
            let _ = index.search(&Query::new("x"));
        }
    }
}

#[test]
fn large_term_frequencies_round_trip() {
    use hitforms_search::{Dataset, Partner, Project};
    let name = "port ".repeat(40) + &"lab ".repeat(31) + "sea";
    let partner = Partner { organisation: name, ..Partner::default() };
    let index = Index::new(Dataset::from_parts(vec![Project::default()], vec![partner]));
    let loaded = binary::read(&binary::write(&index)).unwrap();
    assert_eq!(loaded.postings, index.postings);
    let tfs: Vec<u8> = loaded.postings.entries.iter().map(|p| p.tf).collect();
    assert_eq!(tfs, [31, 40, 1], "lab, port, sea");
}

#[test]
fn an_empty_index_round_trips() {
    let empty = Index::new(Default::default());
    let loaded = binary::read(&binary::write(&empty)).unwrap();
    assert!(loaded.is_empty());
    assert_eq!(loaded.search(&Query::new("anything")).total, 0);
    assert!(loaded.similar("anything", 5).is_empty());
}

/// A source that hands out copies, as the widget does from a JS buffer,
/// and records what it was asked for.
struct Copies<'a> {
    bytes: &'a [u8],
    asked: Vec<(usize, usize)>,
}

impl binary::Source for Copies<'_> {
    fn size(&self) -> usize {
        self.bytes.len()
    }

    fn get(&mut self, at: usize, len: usize) -> std::borrow::Cow<'_, [u8]> {
        self.asked.push((at, len));
        std::borrow::Cow::Owned(self.bytes[at..at + len].to_vec())
    }
}

#[test]
fn a_section_at_a_time_loads_the_same_index() {
    let index = common::index();
    let mut bytes = binary::write(&index);
    let mut src = Copies { bytes: &bytes, asked: Vec::new() };
    let loaded = binary::read_from(&mut src).expect("loads");
    assert_eq!(loaded.data.partners, index.data.partners);
    assert_eq!(loaded.postings, index.postings);
    // Headers, then one payload per section: never the whole file at once.
    let largest = src.asked.iter().map(|&(_, len)| len).max().unwrap();
    assert!(largest < bytes.len() / 2, "asked for {largest} of {} bytes", bytes.len());
    // Damage in the last section is still found.
    let last = bytes.len() - 1;
    bytes[last] ^= 0x5a;
    assert!(binary::read_from(&mut Copies { bytes: &bytes, asked: Vec::new() }).is_err());
}
