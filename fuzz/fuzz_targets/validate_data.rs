//! JSON data → validation against the built-in templates and the all-kinds
//! fixture, a form with edits chosen by the input, and the incremental =
//! full validation check. Body: engine/tests/fuzz_support/targets.rs.
#![no_main]

#[path = "../../engine/tests/fuzz_support/targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::validate_data(data));
