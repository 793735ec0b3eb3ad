//! Reading a year's registers on a thread of their own, so the interface
//! draws its first frame at once and stays responsive while thousands of
//! files are parsed. The thread reads the files in pieces of a few dozen
//! (each piece on all cores), in file order, and sends each piece down a
//! channel; the event loop hands it to `Workspace::take` as a message.
//! Appending in file order keeps every index into the entries valid.

use super::Entry;
use crate::progress::Silent;
use crate::store::{self, LoadError};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;

/// Files read (on all cores) before what they hold is handed over: small
/// enough that the count on screen moves several times a second, large
/// enough that the cores stay busy.
const PIECE: usize = 32;

/// How far reading a year's registers has got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loading {
    pub year: u16,
    /// Files read so far (whether or not they parsed): the first `done` of
    /// `files`, since pieces come in file order.
    pub done: usize,
    files: Arc<[PathBuf]>,
}

impl Loading {
    pub fn total(&self) -> usize {
        self.files.len()
    }
    /// Whether the year's register of a bureau is still to be read (a
    /// bureau with no file at all is not: it has no register).
    pub fn pending(&self, code: &str) -> bool {
        self.files
            .get(self.done..)
            .unwrap_or_default()
            .iter()
            .any(|f| f.file_stem().is_some_and(|s| s == code))
    }
}

/// Registers the loader read, next in file order.
#[derive(Debug)]
pub struct Piece {
    /// Which load this piece belongs to: one started since makes it stale.
    ticket: u64,
    pub entries: Vec<Entry>,
    pub errors: Vec<LoadError>,
    /// How many files it covers.
    pub files: usize,
}

/// The channel pieces go down, and the number of the load under way (a
/// thread whose load is no longer the current one stops).
#[derive(Clone, Debug)]
pub struct Background {
    tx: Sender<Piece>,
    ticket: Arc<AtomicU64>,
}

impl Background {
    pub fn new(tx: Sender<Piece>) -> Background {
        Background {
            tx,
            ticket: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Whether a piece belongs to the latest load started.
    pub fn is_current(&self, piece: &Piece) -> bool {
        piece.ticket == self.ticket.load(Ordering::Acquire)
    }

    /// Starts reading `files` (the registers of `year`) on a new thread;
    /// any load still under way stops at its next piece.
    pub fn start(&self, year: u16, files: Vec<PathBuf>) -> Result<Loading, String> {
        let ticket = self.ticket.fetch_add(1, Ordering::AcqRel) + 1;
        let files: Arc<[PathBuf]> = files.into();
        let loading = Loading {
            year,
            done: 0,
            files: Arc::clone(&files),
        };
        let (tx, current) = (self.tx.clone(), Arc::clone(&self.ticket));
        std::thread::Builder::new()
            .name("register-loader".into())
            .spawn(move || read_pieces(&files, ticket, &current, &tx))
            .map_err(|e| format!("cannot start reading the registers: {e}"))?;
        Ok(loading)
    }
}

/// The loader thread: piece by piece, until done, superseded, or no one
/// listens any more (the interface quit).
fn read_pieces(files: &[PathBuf], ticket: u64, current: &AtomicU64, tx: &Sender<Piece>) {
    for chunk in files.chunks(PIECE) {
        if current.load(Ordering::Acquire) != ticket {
            return;
        }
        // each file's entry (its approval digest included) is made on the
        // core that read it, not on the interface's thread
        let read = store::load_many_then(chunk, store::REGISTER, &Silent, |r, _| r.map(Entry::new));
        let mut piece = Piece {
            ticket,
            entries: Vec::with_capacity(read.len()),
            errors: Vec::new(),
            files: chunk.len(),
        };
        for r in read {
            match r {
                Ok(entry) => piece.entries.push(entry),
                Err(e) => piece.errors.push(e),
            }
        }
        if tx.send(piece).is_err() {
            return;
        }
    }
}
