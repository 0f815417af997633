//! Template text → `Template::load_lenient`, then the usable part is used
//! (validation, views, edits). Body: engine/tests/fuzz_support/targets.rs.
#![no_main]

#[path = "../../engine/tests/fuzz_support/targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::template_load(data));
