//! Standard output that survives a closed pipe: `hitforms schema … | head`
//! must end quietly, not panic as `println!` does when the reader is gone.

use std::io::{ErrorKind, Write};

/// Writes `text` and a newline to standard output. When the reader has
/// closed the pipe, the program ends at once, quietly (as ripgrep does);
/// any other write error is reported and ends it with status 2.
pub fn line(text: &str) {
    write(text);
    write("\n");
}

/// Writes `text` to standard output (see [`line`]).
pub fn write(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("hitforms: cannot write the output: {e}");
        std::process::exit(2);
    }
}
