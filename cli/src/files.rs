//! Writing a user's config.toml, the one write policy of the CLI and the Python package:
//! atomic (a temporary file beside it, then a rename: on any failure the old file is whole),
//! keeping the old file's owner and mode (a new file is private, 0600: it holds tokens), and
//! never leaving a copy of the tokens behind (a temporary file left by a killed write is
//! recognised by its name and removed by the next write).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Between the file's name and the process id in a temporary file's name.
const MARKER: &str = ".gitlab-runner-config.";
const SUFFIX: &str = ".tmp";
/// Where a process cannot be looked up (no /proc), a temporary file this old is stale.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Replaces (or creates) `path` with `text`. Through a symlink, the file it points to is
/// replaced and the link kept.
pub fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let target = target(path)?;
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    remove_stale_temporaries(&directory, &name);
    let old = fs::metadata(&target).ok();
    let temporary = directory.join(format!(".{name}{MARKER}{}.{}{SUFFIX}", std::process::id(), nanos()));
    let result = fill(&temporary, text, old.as_ref()).and_then(|()| fs::rename(&temporary, &target));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result?;
    // The rename is durable once the directory is: best effort (not every system can sync one).
    if let Ok(directory) = File::open(&directory) {
        let _ = directory.sync_all();
    }
    Ok(())
}

/// The file to replace: `path`, or what its symlink points to. A directory or a link to
/// nothing is an error before anything is written.
fn target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(path.to_path_buf()),
        Err(e) => Err(e),
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{} is a symlink to nothing ({e})", path.display()))),
        Ok(meta) if meta.is_dir() => Err(io::Error::other(format!("{} is a directory", path.display()))),
        Ok(_) => Ok(path.to_path_buf()),
    }
}

/// Creates the temporary file (new, never an existing file or link, private while it fills),
/// writes the text to disk, then gives it the old file's mode and owner.
fn fill(temporary: &Path, text: &str, old: Option<&fs::Metadata>) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(temporary)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    if let Some(old) = old {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let (uid, gid) = (old.uid(), old.gid());
            let meta = file.metadata()?;
            if (meta.uid(), meta.gid()) != (uid, gid) {
                std::os::unix::fs::fchown(&file, Some(uid), Some(gid)).map_err(|e| {
                    io::Error::new(e.kind(), format!("cannot keep the file's owner ({uid}:{gid}): {e}"))
                })?;
            }
        }
        // After the owner: on some systems a change of owner clears the setuid/setgid bits.
        file.set_permissions(old.permissions())?;
    }
    Ok(())
}

/// Removes temporary files that an earlier write of the same file left behind when it was
/// killed: those of processes that are gone (or, where processes cannot be looked up, old ones).
fn remove_stale_temporaries(directory: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(directory) else { return };
    let prefix = format!(".{name}{MARKER}");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else { continue };
        let Some(pid) = rest.strip_suffix(SUFFIX).and_then(|r| r.split('.').next()) else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid != std::process::id() && is_stale(pid, &entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_stale(pid: u32, path: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    let age = fs::symlink_metadata(path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    age.is_some_and(|age| age > STALE_AFTER)
}

fn nanos() -> u32 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("grc-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_new_file_is_private() {
        let dir = scratch("new");
        let path = dir.join("config.toml");
        write_atomically(&path, "concurrent = 1\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "concurrent = 1\n");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn an_existing_file_keeps_its_mode() {
        let dir = scratch("mode");
        let path = dir.join("config.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, "new").unwrap();
        assert_eq!((fs::read_to_string(&path).unwrap().as_str(), mode(&path)), ("new", 0o640));
    }

    #[test]
    fn an_existing_file_keeps_its_owner() {
        use std::os::unix::fs::MetadataExt;
        let dir = scratch("owner");
        let path = dir.join("config.toml");
        fs::write(&path, "old").unwrap();
        // Only root can give a file to someone else; elsewhere the owner is ours anyway.
        let other = 65534;
        if std::os::unix::fs::chown(&path, Some(other), Some(other)).is_err() {
            eprintln!("not root: the change of owner is not tested here");
            return;
        }
        write_atomically(&path, "new").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (other, other));
    }

    #[test]
    fn stale_temporaries_of_killed_writes_are_removed_and_others_kept() {
        let dir = scratch("stale");
        let path = dir.join("config.toml");
        // No process has pid 0x7fff_fffe; our own pid is alive.
        let stale = dir.join(format!(".config.toml{MARKER}2147483646.1{SUFFIX}"));
        let unrelated = dir.join(".config.toml.swp");
        fs::write(&stale, "token").unwrap();
        fs::write(&unrelated, "").unwrap();
        write_atomically(&path, "new").unwrap();
        assert!(!stale.exists());
        assert!(unrelated.exists());
        let left: Vec<_> = fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }

    #[test]
    fn failures_leave_the_old_file_whole() {
        let dir = scratch("fail");
        let directory_target = dir.join("a-directory");
        fs::create_dir(&directory_target).unwrap();
        let error = write_atomically(&directory_target, "x").unwrap_err();
        assert!(error.to_string().ends_with("is a directory"), "{error}");

        let link = dir.join("dangling.toml");
        std::os::unix::fs::symlink(dir.join("nowhere"), &link).unwrap();
        let error = write_atomically(&link, "x").unwrap_err();
        assert!(error.to_string().contains("is a symlink to nothing"), "{error}");
        assert!(!dir.join("nowhere").exists());

        let path = dir.join("config.toml");
        fs::write(&path, "old").unwrap();
        let read_only = fs::Permissions::from_mode(0o500);
        fs::set_permissions(&dir, read_only).unwrap();
        let result = write_atomically(&path, "new");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
        // Root writes into read-only directories; for others the write must fail cleanly.
        if result.is_err() {
            assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        }
    }

    #[test]
    fn through_a_symlink_the_target_is_replaced_and_the_link_kept() {
        let dir = scratch("link");
        let real = dir.join("real.toml");
        let link = dir.join("config.toml");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, "new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}
