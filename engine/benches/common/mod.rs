//! What the native bench (`engine/benches/engine.rs`) and the wasm bench
//! (`benches/wasm/`, which includes this folder by path) share: the
//! generated inputs, the measuring loop and the cases, so both measure
//! exactly the same thing.

pub mod cases;
pub mod harness;
pub mod inputs;
