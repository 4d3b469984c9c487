//! What the commands need from the world, behind one trait: the native binary and the Python
//! console script use the process's own files and streams (`NativeHost`); the npm package's
//! `bin` implements it in JavaScript over Node's `fs` (the WebAssembly engine does no I/O).

use std::io::{Read, Write};
use std::path::Path;

use crate::files::write_atomically;

/// Files are named as the user wrote them; `-` is standard input. Errors are the reason only
/// (`No such file or directory (os error 2)`): the commands put the file's name in front.
pub trait Host {
    fn read(&mut self, file: &str) -> Result<Vec<u8>, String>;
    /// Replaces `file` atomically: the old file's owner and mode kept, a new one 0600.
    fn write(&mut self, file: &str, text: &str) -> Result<(), String>;
    /// The names in a folder (not `.` and `..`), in any order.
    fn list(&mut self, folder: &str) -> Result<Vec<String>, String>;
    /// The permission bits of a file or folder (`0o644`), following symlinks.
    fn mode(&mut self, path: &str) -> Result<u32, String>;
    fn env(&mut self, name: &str) -> Option<String>;
    fn stdout(&mut self, text: &str);
    fn stderr(&mut self, text: &str);
}

/// The process's own files, streams and environment.
pub struct NativeHost;

impl Host for NativeHost {
    fn read(&mut self, file: &str) -> Result<Vec<u8>, String> {
        if file == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
            return Ok(bytes);
        }
        std::fs::read(file).map_err(|e| e.to_string())
    }

    fn write(&mut self, file: &str, text: &str) -> Result<(), String> {
        write_atomically(Path::new(file), text).map_err(|e| e.to_string())
    }

    fn list(&mut self, folder: &str) -> Result<Vec<String>, String> {
        let entries = std::fs::read_dir(folder).map_err(|e| e.to_string())?;
        Ok(entries.flatten().map(|entry| entry.file_name().to_string_lossy().into_owned()).collect())
    }

    fn mode(&mut self, path: &str) -> Result<u32, String> {
        let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
        #[cfg(unix)]
        return Ok(std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o7777);
        #[cfg(not(unix))]
        return Ok(if meta.permissions().readonly() { 0o444 } else { 0o644 });
    }

    fn env(&mut self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }

    /// When the reader has gone (`schema | head -1`), stops quietly with the status a process
    /// killed by SIGPIPE has, rather than a panic.
    fn stdout(&mut self, text: &str) {
        let mut out = std::io::stdout().lock();
        if let Err(error) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            if error.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(141);
            }
            eprintln!("error: stdout: {error}");
            std::process::exit(2);
        }
    }

    fn stderr(&mut self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}
