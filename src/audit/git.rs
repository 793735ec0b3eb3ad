//! Git through the `git` binary the user has: every call is an argument
//! vector (never a shell), revisions are checked before use, and blobs are
//! read through one `git cat-file --batch` process per comparison.

use super::AuditError;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A git work tree, found from a directory inside it.
#[derive(Clone, Debug)]
pub struct Repo {
    /// The top of the work tree.
    pub root: PathBuf,
}

/// The object id git uses for "no file" in `--raw` output.
const NULL_OID: &str = "0000000000000000000000000000000000000000";

/// A line of `git diff --raw`: a file whose content differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawChange {
    /// Blob id at the old side; `None` when the file was added.
    pub old: Option<String>,
    /// Blob id at the new side; `None` when deleted, or when the new side is
    /// the working tree (read the file instead).
    pub new: Option<String>,
    pub path: String,
    /// `A`, `D`, `M`, `T`, …
    pub status: char,
}

/// Who a commit is by: the name and e-mail of the interface's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub email: String,
}

/// A commit as `log` lists it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Commit {
    pub id: String,
    pub parent: Option<String>,
    pub author: String,
    pub email: String,
    /// Author date, `YYYY-MM-DD` (Common era, as git keeps it).
    pub date: String,
    pub subject: String,
}

impl Repo {
    /// The work tree containing `dir`.
    pub fn discover(dir: &Path) -> Result<Repo, AuditError> {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["rev-parse", "--show-toplevel"])
            .output()
            .map_err(|e| AuditError::NoGit(e.to_string()))?;
        if !out.status.success() {
            // a bare repository (the central one the server hook runs in)
            // has no work tree: work in its git directory instead
            if let Some(git_dir) = bare_git_dir(dir) {
                return Ok(Repo { root: git_dir });
            }
            return Err(AuditError::NotARepo {
                dir: dir.to_path_buf(),
                message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        let root = String::from_utf8_lossy(&out.stdout).trim_end().to_string();
        Ok(Repo {
            root: PathBuf::from(root),
        })
    }

    /// The value of a git setting (`user.email`, `user.signingkey`) as git
    /// would use it here; `None` when unset.
    pub fn config(&self, key: &str) -> Option<String> {
        config_value(&self.root, key)
    }

    /// Paths (relative to the top) whose staged content differs from `HEAD`
    /// (from nothing, before the first commit): what a commit would change.
    pub fn staged(&self) -> Result<Vec<String>, AuditError> {
        let base = match self.resolve("HEAD") {
            Ok(head) => head,
            Err(_) => self.empty_tree()?,
        };
        let out = self.run(&[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--no-renames",
            &base,
        ])?;
        Ok(split_z(&out))
    }

    /// The content of `path` at commit `rev`; `None` when it has no such file.
    pub fn file_at(&self, rev: &str, path: &str) -> Result<Option<Vec<u8>>, AuditError> {
        Ok(self
            .blobs(&[format!("{rev}:{path}")])?
            .into_iter()
            .next()
            .flatten())
    }

    /// The staged content of `path` (in the index); `None` when not staged.
    pub fn staged_file(&self, path: &str) -> Result<Option<Vec<u8>>, AuditError> {
        Ok(self
            .blobs(&[format!(":{path}")])?
            .into_iter()
            .next()
            .flatten())
    }

    /// Makes `dir` (created if missing) a new git work tree.
    pub fn init(dir: &Path) -> Result<Repo, AuditError> {
        let out = Command::new("git")
            .arg("init")
            .arg("--quiet")
            .arg(dir)
            .output()
            .map_err(|e| AuditError::NoGit(e.to_string()))?;
        if !out.status.success() {
            return Err(AuditError::Git {
                command: format!("git init {}", dir.display()),
                message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        Repo::discover(dir)
    }

    fn command(&self) -> Command {
        let mut c = Command::new("git");
        c.arg("-C").arg(&self.root);
        // paths exactly as stored (Thai names are not quoted as octal)
        c.args(["-c", "core.quotepath=false"]);
        c
    }

    /// Runs git with `args`, returning stdout.
    pub fn run(&self, args: &[&str]) -> Result<Vec<u8>, AuditError> {
        stdout_of(self.command().args(args), args)
    }

    /// Absolute paths of the files under `dir` that `git status` reports as
    /// modified, added or untracked: what has not been committed yet.
    pub fn uncommitted_under(&self, dir: &Path) -> Result<Vec<PathBuf>, AuditError> {
        // a second -C is taken relative to the first: give it absolute
        let dir = std::path::absolute(dir).map_err(|e| AuditError::NoGit(e.to_string()))?;
        let args = [
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
            ".",
        ];
        let out = stdout_of(self.command().arg("-C").arg(&dir).args(args), &args)?;
        Ok(parse_porcelain(&out)
            .into_iter()
            .map(|p| self.root.join(p))
            .collect())
    }

    /// The commit a revision names. A revision that is not a commit, or that
    /// looks like an option, is refused with the name the user gave.
    pub fn resolve(&self, rev: &str) -> Result<String, AuditError> {
        if rev.is_empty() || rev.starts_with('-') || rev.contains(['\n', '\0']) {
            return Err(AuditError::UnknownRevision(rev.to_string()));
        }
        let spec = format!("{rev}^{{commit}}");
        let out = self
            .command()
            .args(["rev-parse", "--verify", "--quiet", &spec])
            .output()
            .map_err(|e| AuditError::NoGit(e.to_string()))?;
        if !out.status.success() {
            return Err(AuditError::UnknownRevision(rev.to_string()));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Files whose content differs between commit `old` (or nothing, for a
    /// root commit) and commit `new`, or the working tree when `new` is `None`
    /// (including untracked files not ignored), limited to `pathspecs`.
    pub fn changed(
        &self,
        old: Option<&str>,
        new: Option<&str>,
        pathspecs: &[String],
    ) -> Result<Vec<RawChange>, AuditError> {
        let mut args: Vec<&str> = vec!["diff", "--raw", "-z", "--no-renames", "--no-abbrev"];
        let empty_tree;
        let old = match old {
            Some(o) => o,
            None => {
                empty_tree = self.empty_tree()?;
                empty_tree.as_str()
            }
        };
        args.push(old);
        if let Some(n) = new {
            args.push(n);
        }
        args.push("--");
        args.extend(pathspecs.iter().map(String::as_str));
        let mut changes = parse_raw(&self.run(&args)?);
        if new.is_none() {
            let mut args = vec!["ls-files", "-z", "--others", "--exclude-standard", "--"];
            args.extend(pathspecs.iter().map(String::as_str));
            for path in split_z(&self.run(&args)?) {
                changes.push(RawChange {
                    old: None,
                    new: None,
                    path,
                    status: 'A',
                });
            }
            changes.sort_by(|a, b| a.path.cmp(&b.path));
        }
        Ok(changes)
    }

    /// The id of the empty tree (for diffs of a root commit).
    fn empty_tree(&self) -> Result<String, AuditError> {
        let out = self
            .command()
            .args(["hash-object", "-t", "tree", "--stdin"])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| AuditError::NoGit(e.to_string()))?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Every file of commit `rev` under paths matching `keep`, with blob ids.
    pub fn files(
        &self,
        rev: &str,
        keep: impl Fn(&str) -> bool,
    ) -> Result<Vec<(String, String)>, AuditError> {
        let out = self.run(&["ls-tree", "-r", "-z", "--full-tree", rev])?;
        let mut files = Vec::new();
        for entry in split_z(&out) {
            // "<mode> blob <oid>\t<path>"
            let Some((meta, path)) = entry.split_once('\t') else {
                continue;
            };
            let mut parts = meta.split(' ');
            let (Some(_mode), Some("blob"), Some(oid)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            if keep(path) {
                files.push((path.to_string(), oid.to_string()));
            }
        }
        Ok(files)
    }

    /// The contents of many blobs (by id or `rev:path`) through one
    /// `git cat-file --batch` process; `None` for an object that is missing.
    pub fn blobs(&self, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>, AuditError> {
        if specs.is_empty() {
            return Ok(Vec::new());
        }
        if let Some(bad) = specs.iter().find(|s| s.contains('\n')) {
            return Err(AuditError::Git {
                command: "git cat-file --batch".into(),
                message: format!("cannot ask for an object named with a line break: {bad:?}"),
            });
        }
        let mut child = self
            .command()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| AuditError::NoGit(e.to_string()))?;
        let broken = |what: &str| AuditError::Git {
            command: "git cat-file --batch".into(),
            message: what.to_string(),
        };
        let mut stdin = child.stdin.take().ok_or_else(|| broken("no stdin"))?;
        let request: Vec<u8> = specs
            .iter()
            .flat_map(|s| format!("{s}\n").into_bytes())
            .collect();
        // write from another thread: git answers while we ask, and a full
        // pipe on either side would otherwise stop both processes
        let writer = std::thread::spawn(move || stdin.write_all(&request));
        let stdout = child.stdout.take().ok_or_else(|| broken("no stdout"))?;
        let mut reader = BufReader::new(stdout);
        let mut out = Vec::with_capacity(specs.len());
        let mut header = String::new();
        for _ in specs {
            header.clear();
            reader
                .read_line(&mut header)
                .map_err(|e| broken(&e.to_string()))?;
            let fields: Vec<&str> = header.trim_end().split(' ').collect();
            match fields.as_slice() {
                [_, _kind, size] => {
                    let size: usize = size.parse().map_err(|_| broken(&header))?;
                    let mut body = vec![0; size + 1];
                    reader
                        .read_exact(&mut body)
                        .map_err(|e| broken(&e.to_string()))?;
                    body.pop(); // the newline after each object
                    out.push(Some(body));
                }
                [_, "missing"] | [_, "ambiguous"] => out.push(None),
                _ => return Err(broken(&format!("unexpected answer {header:?}"))),
            }
        }
        match writer.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(broken(&e.to_string())),
            Err(_) => return Err(broken("writer thread failed")),
        }
        let _ = child.wait();
        Ok(out)
    }

    /// Commits the working-tree content of `paths` (relative to the top,
    /// taken literally, never as patterns) and nothing else, as `author`
    /// (author and committer both: the officer at the keyboard, whatever
    /// git itself is set to). Gives the new commit's id. When git or its
    /// pre-commit hook refuses, [`AuditError::Refused`] carries what they
    /// said; the files are left as they were.
    pub fn commit_paths(
        &self,
        paths: &[String],
        message: &str,
        author: &Author,
    ) -> Result<String, AuditError> {
        if paths.is_empty() {
            return Err(AuditError::Refused("nothing to commit".into()));
        }
        if message.trim().is_empty() || message.contains('\0') {
            return Err(AuditError::Refused("the commit message is empty".into()));
        }
        let literal = |c: &mut Command| {
            c.arg("--literal-pathspecs");
        };
        let mut add = self.command();
        literal(&mut add);
        add.args(["add", "--"]).args(paths);
        stdout_of(&mut add, &["add", "--", "…"])?;
        let mut commit = self.command();
        literal(&mut commit);
        commit
            .args(["commit", "--quiet", "--no-edit", "--file=-", "--"])
            .args(paths)
            .env("GIT_AUTHOR_NAME", &author.name)
            .env("GIT_AUTHOR_EMAIL", &author.email)
            .env("GIT_COMMITTER_NAME", &author.name)
            .env("GIT_COMMITTER_EMAIL", &author.email)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = commit
            .spawn()
            .map_err(|e| AuditError::NoGit(e.to_string()))?;
        // the message goes in on stdin: it is the officer's text, never an option
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(message.as_bytes())
                .map_err(|e| AuditError::NoGit(e.to_string()))?;
        }
        let out = child
            .wait_with_output()
            .map_err(|e| AuditError::NoGit(e.to_string()))?;
        if !out.status.success() {
            // a hook may explain itself on either stream
            let said = [&out.stdout, &out.stderr]
                .iter()
                .map(|b| String::from_utf8_lossy(b).trim().to_string())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            return Err(AuditError::Refused(said));
        }
        self.resolve("HEAD")
    }

    /// Commits (newest first, merges left out: their changes are shown at
    /// the commits that made them) touching `pathspecs`.
    pub fn log(&self, pathspecs: &[String]) -> Result<Vec<Commit>, AuditError> {
        self.log_of(&[], pathspecs)
    }

    /// `log` over the commits `revs` names (a range such as `v1..main`, or
    /// `<new> --not --all` for what a push brings); every rev that is not one
    /// of git's `--not`/`--all` markers is refused if it looks like an option.
    pub fn log_of(&self, revs: &[&str], pathspecs: &[String]) -> Result<Vec<Commit>, AuditError> {
        if let Some(bad) = revs.iter().find(|r| {
            !matches!(**r, "--not" | "--all") && (r.starts_with('-') || r.contains(['\n', '\0']))
        }) {
            return Err(AuditError::UnknownRevision(bad.to_string()));
        }
        let mut args = vec![
            "log",
            "-z",
            "--no-merges",
            "--date=short",
            "--format=%H%x1f%P%x1f%an%x1f%ae%x1f%ad%x1f%s",
        ];
        args.extend(revs);
        args.push("--");
        args.extend(pathspecs.iter().map(String::as_str));
        let out = match self.run(&args) {
            Ok(o) => o,
            // a repository without commits has no history
            Err(AuditError::Git { message, .. })
                if message.contains("does not have any commits") =>
            {
                return Ok(Vec::new());
            }
            Err(e) => return Err(e),
        };
        let mut commits = Vec::new();
        for record in split_z(&out) {
            let f: Vec<&str> = record.split('\u{1f}').collect();
            if let [id, parents, author, email, date, subject] = f.as_slice() {
                commits.push(Commit {
                    id: id.to_string(),
                    parent: parents
                        .split(' ')
                        .next()
                        .filter(|p| !p.is_empty())
                        .map(str::to_string),
                    author: author.to_string(),
                    email: email.to_string(),
                    date: date.to_string(),
                    subject: subject.to_string(),
                });
            }
        }
        Ok(commits)
    }
}

/// A git setting as git would use it in `dir` (inside a repository or not).
pub fn config_value(dir: &Path, key: &str) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["config", "--get", key])
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !value.is_empty()).then_some(value)
}

/// The git directory of the bare repository `dir` is in, if it is one.
fn bare_git_dir(dir: &Path) -> Option<PathBuf> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--is-bare-repository", "--absolute-git-dir"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    match (out.status.success(), lines.next(), lines.next()) {
        (true, Some("true"), Some(git_dir)) => Some(PathBuf::from(git_dir)),
        _ => None,
    }
}

fn split_z(bytes: &[u8]) -> Vec<String> {
    bytes
        .split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect()
}

/// Runs a prepared git command (`args` name it in errors) and returns its
/// stdout, or what git said when it failed.
fn stdout_of(cmd: &mut Command, args: &[&str]) -> Result<Vec<u8>, AuditError> {
    let out = cmd.output().map_err(|e| AuditError::NoGit(e.to_string()))?;
    if !out.status.success() {
        return Err(AuditError::Git {
            command: format!("git {}", args.join(" ")),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(out.stdout)
}

/// Paths of `git status --porcelain=v1 -z`, relative to the top of the work
/// tree (renames and copies give their new path).
fn parse_porcelain(out: &[u8]) -> Vec<String> {
    let mut paths = Vec::new();
    let mut fields = out.split(|&b| b == 0).filter(|f| !f.is_empty());
    while let Some(f) = fields.next() {
        if f.len() < 4 {
            continue;
        }
        let (xy, path) = (&f[..2], &f[3..]);
        paths.push(String::from_utf8_lossy(path).into_owned());
        if xy[0] == b'R' || xy[0] == b'C' {
            // the original path follows as its own field
            fields.next();
        }
    }
    paths
}

/// Parses `git diff --raw -z`: `:<mode> <mode> <oid> <oid> <status>\0<path>\0`.
fn parse_raw(bytes: &[u8]) -> Vec<RawChange> {
    let fields = split_z(bytes);
    let mut out = Vec::new();
    let mut it = fields.into_iter();
    while let (Some(meta), Some(path)) = (it.next(), it.next()) {
        let parts: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
        if let [_, _, old, new, status] = parts.as_slice() {
            let oid = |s: &str| (s != NULL_OID).then(|| s.to_string());
            out.push(RawChange {
                old: oid(old),
                new: oid(new),
                path,
                status: status.chars().next().unwrap_or('M'),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porcelain_paths_and_renames() {
        let out = b" M registers/2567/FIN.ron\0R  new.ron\0old.ron\0?? x.ron\0";
        assert_eq!(
            parse_porcelain(out),
            vec!["registers/2567/FIN.ron", "new.ron", "x.ron"]
        );
    }

    #[test]
    fn raw_diff_lines_give_blob_ids_and_paths() {
        let z = format!(
            ":100644 100644 {a} {b} M\0registers/2567/FIN.ron\0:000000 100644 {n} {b} A\0x y.ron\0",
            a = "1".repeat(40),
            b = "2".repeat(40),
            n = NULL_OID
        );
        let r = parse_raw(z.as_bytes());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].old.as_deref(), Some("1".repeat(40).as_str()));
        assert_eq!(r[0].path, "registers/2567/FIN.ron");
        assert_eq!(r[1].old, None);
        assert_eq!(r[1].path, "x y.ron");
        assert_eq!(r[1].status, 'A');
    }
}
