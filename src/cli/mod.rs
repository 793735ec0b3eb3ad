//! The command line: parse, dispatch, map outcomes to exit codes.

pub mod approve;
pub mod approve_sign;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod hook;
pub mod import;
pub mod init;
pub mod install;
pub mod lang;
pub mod log;
pub mod out;
pub mod progress;
pub mod report;
pub mod roll;
pub mod summary;
pub mod targets;
pub mod tui;
pub mod validate;
pub mod verify;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

const ABOUT: &str =
    "Fraud-risk registers of a Thai government secretariat, kept as RON files under git.";

const LONG_ABOUT: &str = "\
Fraud-risk registers of a Thai government secretariat (COSO with the PACC
fraud-risk assessment), kept as RON files under git.

A registers directory holds bureaus.ron, approaches.ron, methodology/*.ron and
one directory per fiscal year (Buddhist era) with a register per bureau:
registers/2567/FIN.ron. Commands find it from the paths they are given, or
from the current directory.

Exit codes: 0 success, 1 problems found (errors, files to reformat with
--check, or output that could not be written), 2 bad usage. A reader that
goes away (`| head`) only stops the output.

Text from registers, commits and users is shown with its control characters
escaped (\\u{1b}), never sent to the terminal raw.";

#[derive(Debug, Parser)]
#[command(name = "riskreg", version, about = ABOUT, long_about = LONG_ABOUT)]
pub struct Cli {
    /// Language of messages and output: th or en (default: the settings'
    /// lang, else LC_ALL, LC_MESSAGES or LANG starting with th → Thai, else English)
    #[arg(long, global = true, value_parser = lang::parse)]
    pub lang: Option<riskreg::model::Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check registers for errors and warnings, each with file:line:col
    #[command(long_about = "\
Check registers for errors and warnings, each reported as file:line:col with
the logical path of the value at fault.

Errors (exit 1): files that do not parse (syntax, misspelt or unknown
fields, wrong types, invalid UTF-8), duplicate risk or measure ids within a
fiscal year, ratings outside the methodology's scales, unknown bureaus,
categories, approaches, methodologies or rounds, monitoring dated outside its
round, results for unknown indicators.

Warnings (exit 0): disbursed more than allocated, a red or yellow status with
no added activity, a completed measure with nothing recorded as done, a
risk to reduce with no measures, an accepted risk without justification, a
register changed since its approval (with what changed since the approved
commit, found in git history); a risk whose review date has passed, a measure
with no report for a round that has ended (judged on today's date in
Thailand, or on RISKREG_TODAY=YYYY-MM-DD, Buddhist era).

With no PATH, checks the registers/ directory of the current directory. A
PATH may be the registers directory, a fiscal-year directory or single files;
rules across registers (duplicate ids) always see the whole year.")]
    Validate {
        /// Registers directory, fiscal-year directory or files
        paths: Vec<PathBuf>,
    },
    /// Rewrite files in canonical form (like cargo fmt)
    #[command(long_about = "\
Rewrite register, bureau, approach and methodology files in the one canonical
form: struct names, four-space indents, one field per line, Thai as UTF-8
(never \\u{…} escapes), LF line ends and a final newline. Saving from the
TUI writes the same form, so a change to one field is one line of git diff.

Files are rewritten atomically and only if they still hold what was read. A
file with RON comments is refused (comments cannot survive a rewrite; keep
explanations in the note fields) unless --drop-comments is given. Files that
do not parse are reported and left alone.

With --check, nothing is written: prints each file that is not canonical
with the first line that differs, and exits 1 if there is any.")]
    Fmt {
        /// Only report files that are not in canonical form; exit 1 if any
        #[arg(long)]
        check: bool,
        /// Rewrite files even when that drops their RON comments
        #[arg(long)]
        drop_comments: bool,
        /// Registers directory, fiscal-year directory or files
        paths: Vec<PathBuf>,
    },
    /// Start next fiscal year's registers from this year's
    #[command(long_about = "\
Start next fiscal year's registers from this year's: for each register of
FROM (or only the bureaus named), write <FROM+1>/<BUREAU>.ron holding the same
risks and measures as the first draft of the new plan. Measure timeframes move
one year on; monitoring, sign-offs, review dates and the note are cleared;
allocated budgets become requested (next year's money is not allocated yet).

Never overwrites: a bureau that already has a register for the new year is
reported and left alone. Nothing is written if `riskreg validate` finds any
error in FROM's registers or the shared files.")]
    Roll(roll::Options),
    /// What changed in the registers between two revisions, in domain terms
    #[command(long_about = "\
Compare the registers at two git revisions and list the changes in domain
terms: registers, risks and measures added, removed or moved; each changed
field with its old and new value; and the consequences: a rating or control
change that moves a risk to another band, a traffic light that turns yellow
or red at a round, implementation and disbursement changes, approvals.

With no revision, compares HEAD with the working tree (including new files
not yet added); with one, that revision with the working tree; with two, the
first with the second. Paths after -- limit the comparison. A register that
does not parse at one revision is reported, not compared.

Exit codes: 0 the comparison ran (with or without changes), 2 it could not
(not a git repository, unknown revision, path outside the repository).")]
    Diff(diff::Options),
    /// The history of registers, a risk or a measure, with what each commit changed
    #[command(long_about = "\
List the commits (newest first) that changed register files, or only FILE, or
only one risk or measure wherever it is, each with its author, date (Buddhist
era), subject and the semantic changes it made (as riskreg diff shows them).
Merge commits are left out: their changes are shown at the commits that made
them.")]
    Log(log::Options),
    /// Sign a register off: record who approved it and a digest of its content
    #[command(long_about = "\
Record in FILE who approved the register (name, position, date) and the
SHA-256 digest of its canonical content (everything but approved_by). The
file is rewritten in canonical form, atomically, and only if it still holds
what was read. A register with validation errors is not approved. The file
is locked from the check to the write, so an approval racing `fmt` or
another approval is never lost; approving again says which approval it
replaces.

Any later change to the register makes the digest differ: riskreg validate
then warns that it changed since approval and, in a git repository, lists
what changed since the approved version.")]
    Approve(approve::Options),
    /// Every commit that changed a register without the right role, and each approval's signature
    #[command(long_about = "\
Check the commits of REV_RANGE (default: all of HEAD) that changed a register
or a shared file against people.ron and allowed_signers as they were before
each commit (a commit cannot grant itself rights): a register changed by
someone who is not an officer, reviewer or approver of its bureau; a shared
file (bureaus, approaches, methodologies, people.ron, allowed_signers)
changed by someone outside the planning bureau; an approval that is forged
(its signature does not verify, or is by someone who may not approve that
bureau) or unsigned and recorded by someone who may not approve. Each
approval recorded is listed with what its signature says.

The author e-mail of a commit names its person. Commits made before a
people.ron existed are counted but not judged.

Exit codes: 0 nothing found, 1 changes without the right role or forged
approvals, 2 it could not run (not a git repository, unknown revision).")]
    Verify(verify::Options),
    /// The secretariat-wide monitoring table and progress summary of a round
    #[command(long_about = "\
The secretariat-wide monitoring table of a round (as in the 6- and 12-month
reports): one row per measure, grouped by approach and numbered, with its
risk occurrence, status (green/yellow/red: a mark in its column plus the
letter G/Y/R and the word, so it survives without colour) and responsible
bureaus; the legend; then the progress summary: measures completed and in
progress (\"in progress\" counts every measure not completed, including
those not reported), budget allocated / disbursed / remaining, counts by
status and by risk band, and the same figures per bureau.

Percentages are computed on exact integers (money in satang) and rounded to
two decimals, half away from zero.

With --compare, also what changed since the earlier round: status moves,
measures newly completed, and the budget disbursed in between.

Formats: text (aligned, Thai-width aware, fits 80 columns), markdown, csv,
json (ids, not labels; reads back), html (self-contained, prints on A4
landscape), xlsx (needs --output). Without --format, the format follows
the --output extension, else text. --output writes atomically: on failure
nothing is left behind; a device or FIFO (/dev/stdout) is written in place,
a symlink's target is written.

Registers with validation errors make no summary: the errors are printed
(file:line:col) and the exit code is 1. Warnings do not block.

Examples:
  riskreg summary --year 2567 --round 6
  riskreg summary registers --year 2567 --round 12m --compare 6m --lang en
  riskreg summary --round 6 --thai-digits --output report-6m.html")]
    Summary(summary::Options),
    /// The registers of a year as a tidy dataset: Parquet, CSV, JSON or xlsx
    #[command(long_about = "\
Write the registers of a fiscal year as a tidy dataset of five tables:
registers (the header of each register), risks, measures, monitoring (one row
per measure and round, status empty when not reported) and indicators (one row
per indicator and round with a result). Money is in satang (integers), dates
in the Buddhist era as in the files. docs/file-format.md documents every
column; docs/scale.md shows how DuckDB, Spark or polars roll it up.

parquet and csv write a directory partitioned the hive way:
OUT/<table>/year=<Y>/bureau=<CODE>/part-0.<ext>. json writes one document;
xlsx one workbook with a sheet per table, holding every field of the
registers.

Registers with validation errors are refused (run riskreg validate). An
existing OUT is refused; --force replaces it whole, never mixing old files
with new ones. The output is built beside OUT and put in place when complete.

Examples:
  riskreg export --year 2567 --format parquet --output dataset
  riskreg export --year 2567 --bureau FIN --format xlsx -o FIN-2567.xlsx")]
    Export(export::Options),
    /// A register from an Excel workbook: an exported one edited, or an office's own
    #[command(long_about = "\
Read the register of BUREAU for YEAR from FILE.xlsx and write it, in
canonical form, as registers/<YEAR>/<BUREAU>.ron.

Without --mapping, FILE is a workbook riskreg export --format xlsx wrote
(perhaps edited in Excel since): every field of the register is read back,
and an export imported unchanged gives the same file byte for byte. With
--mapping FILE.ron, FILE is a workbook as an office keeps it: the mapping
names the sheet, the header row and, for each field, the column it comes
from by its header text (docs/import.md).

Every cell that cannot be read is reported with its sheet, row and column
(F12) and what was expected, and nothing is written. The result is checked
as riskreg validate would check it before it is written: with an error,
nothing is written (exit 1); warnings are shown. An existing register is
never replaced without --force, and only if it did not change while the
import ran. The file is written atomically. --dry-run reads and checks,
then says what it would write, and writes nothing.

Examples:
  riskreg export --year 2567 --bureau FIN --format xlsx -o FIN.xlsx
  riskreg import FIN.xlsx --year 2567 --bureau FIN --force
  riskreg import ทะเบียนความเสี่ยง.xlsx --year 2567 --bureau FIN --mapping office.ron --dry-run")]
    Import(import::Options),
    /// The whole monitoring report of a round, ready to sign (docx, html, xlsx)
    #[command(long_about = "\
The monitoring report the secretariat submits (seed 002; seed 004 for the
12-month kind): a cover with the fiscal year and round period, the monitoring
table (two-level status heading, legend, numbered rows grouped by approach),
charts of implementation, budget and status, a page per measure (the five
implementation boxes, what was done, activities added, budget allocated /
disbursed / remaining, indicators with target, result and met / not met,
evidence), warnings (overspent, not reported), the comparison with an
earlier round (--compare), and the sign-off blocks of the registers.

docx (Word, LibreOffice: native charts, the table header repeated on each
page, page numbers), html (self-contained; charts as inline SVG), xlsx
(native charts; header rows repeated). A4, TH Sarabun New with fallbacks.
The file is written atomically. See docs/report.md.

Examples:
  riskreg report --year 2567 --round 6 --format docx --output report-6m.docx
  riskreg report --round 12 --compare 6 --thai-digits --output report-12m.html")]
    Report(report::Options),
    /// Git hooks for registers
    #[command(subcommand)]
    Hook(HookCommand),
    /// Start a registers directory: files, git repository, pre-commit hook
    #[command(long_about = "\
Start a registers directory for a secretariat in DIR (default: the current
directory): registers/ with bureaus.ron (the secretariat's name and its
bureaus, to fill in), approaches.ron, both shipped methodologies (COSO 5x5
and PACC 3x3) and the directory of the current fiscal year; a git repository
in DIR (or, when DIR is inside one, registers/ becomes a folder of it); the
pre-commit hook (see riskreg hook install) and a .gitignore.

Every file is new: a directory that already holds registers, or a
registers/ that is not empty, is refused and nothing is written. When DIR is
named registers, it is the registers directory itself.

Afterwards riskreg validate passes, and riskreg opens the interface on it,
where n on a bureau creates its register.

Examples:
  riskreg init senate-risks --secretariat \"สำนักงานเลขาธิการวุฒิสภา\"
  riskreg init --bureau FIN=สำนักการคลังและงบประมาณ --bureau ICT")]
    Init(init::Options),
    /// Shell completions for bash, zsh or fish, on stdout
    #[command(long_about = "\
Print the completion script of a shell on stdout. Install it with, e.g.:
  riskreg completions bash > ~/.local/share/bash-completion/completions/riskreg
  riskreg completions zsh  > ~/.zfunc/_riskreg     (with fpath+=~/.zfunc)
  riskreg completions fish > ~/.config/fish/completions/riskreg.fish")]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) on stdout
    #[command(long_about = "\
Print the manual page of riskreg in roff on stdout. Read it with
  riskreg man | man -l -
or install it with
  riskreg man > ~/.local/share/man/man1/riskreg.1")]
    Man,
    /// Open the full-screen interface (also what `riskreg` alone does)
    #[command(long_about = "\
Open the full-screen interface on a registers directory: DIR, else the
registers/ directory at the top of the git repository you are in, else
registers/ of the current directory. See docs/user-guide.md for every
screen and key.")]
    Tui {
        /// The registers directory
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Write a pre-commit hook that validates and format-checks the staged registers
    #[command(long_about = "\
Write .git/hooks/pre-commit (executable). Before each commit it runs riskreg
validate and riskreg fmt --check on the staged *.ron files, as staged (not as
in the working tree), and refuses the commit if there are errors or files not
in canonical form. A pre-commit hook not written by riskreg is left alone
unless --force is given.

Before that it runs `riskreg hook check-staged`: when people.ron (as
committed at HEAD) exists, a commit changing a register of a bureau you are
not an officer, reviewer or approver of, or a shared file when you are not
of the planning bureau, is refused. You are $RISKREG_USER, else your login
$USER, else your git user.email.

With --server, writes hooks/pre-receive of the (bare) repository instead:
every commit a push brings is judged as `riskreg verify` judges it, and the
pushing login ($RISKREG_USER or $USER on the server) must have the same
rights; any breach refuses the push.")]
    Install {
        /// Run as if started in DIR
        #[arg(short = 'C', value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Replace a hook that riskreg did not write
        #[arg(long)]
        force: bool,
        /// Install the pre-receive hook of a central (bare) repository instead:
        /// every commit pushed is checked against people.ron
        #[arg(long)]
        server: bool,
    },
    /// Run by the pre-commit hook: the committer's roles over what is staged
    #[command(hide = true)]
    CheckStaged,
    /// Run by the pre-receive hook: the roles of every commit pushed
    #[command(hide = true)]
    CheckPush,
    /// Run by the pre-commit hook when the staged registers do not pass
    #[command(hide = true)]
    Refused,
}
