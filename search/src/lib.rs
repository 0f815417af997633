//! `hitforms-search`: the partner search of hitforms (issue #6).
//!
//! Plain Rust, no browser crates: the same code runs in the `hitforms` CLI
//! and, built for wasm32, in the partner-search widget.
//!
//! - [`fold`]: case and diacritics folding, tokens, mojibake repair.
//! - [`record`]: projects and partner participations ([`Dataset`]).
//! - `import` (feature `import`): keep.eu and Swedish CSV, the JSON exchange
//!   format (docs/index-format.md) and its export; bad rows are reported.
//! - [`index`]: the inverted index, term lookup (exact, prefix, typo).
//! - [`search`]: queries with filters, BM25F ranking, facets.
//! - [`group`]: one organisation's participations together.
//! - [`synergy`]: projects similar to a project idea, and why.
//! - [`binary`]: the versioned binary index file.
//! - [`msg`]: messages without `core::fmt` (small wasm).

pub mod binary;
pub mod facets;
mod filter;
pub mod fold;
pub mod fuzzy;
pub mod group;
#[cfg(feature = "import")]
pub mod import;
pub mod index;
pub mod msg;
pub mod record;
pub mod search;
pub mod synergy;

pub use index::Index;
pub use record::{Dataset, Partner, Project};
pub use search::{Filters, Hit, Query, Results};
