import CGSL

/// How the C allocator treats the large, short-lived blocks of a run: the chunk buffers of the
/// simulation and the analysis's 8 MB-per-million-iterations columns (sorted copies, ranks,
/// keys), allocated and freed by the hundred.
///
/// By default glibc's `malloc` gives a block of 128 KiB or more (a threshold it raises, up to
/// 32 MiB, as such blocks are freed) its own `mmap`, and returns it to the system when it is
/// freed, and trims the top of the heap when more than twice that is free: every new block is
/// then fresh pages that the kernel must fault in and clear (about 0.2 s per 441 MB here), and
/// a million-iteration run spent 1.1–1.3 s of system time on some 220,000 page faults. `apply()`
/// fixes the `mmap` threshold at `mmapThreshold` (32 MiB, glibc's largest: the blocks below it
/// come from the heap and are reused once freed) and keeps freed memory in the process
/// (`trimThreshold`, 2 GiB), so a freed column's pages serve the next one: about 165,000
/// faults and 0.4–0.5 s of system time for the same run. Memory freed is kept, not returned,
/// so the process's peak can be a little higher (about 10 MB of 690 at a million iterations).
///
/// The result columns (`ColumnStorage`, 1 to 8 MB each at a million iterations) then come from
/// the heap too, where the kernel gives few of them transparent huge pages (35 MB of 690 in
/// huge pages mid-run, against 280 MB when each had its own mapping). Giving them their own
/// 2 MiB-aligned mappings again, with huge pages, was measured and is slower here: 40,000
/// faults but 1.3–1.7 s of system time and the simulation 0.5–0.9 s longer (the kernel clearing
/// and compacting 2 MiB pages), and 20–30 MB more at the peak.
///
/// Elsewhere than glibc it does nothing.
public enum AllocatorTuning {
    public static let mmapThreshold: Int32 = 32 << 20
    public static let trimThreshold: Int32 = .max

    /// Sets the thresholds for the whole process; call once, before the run allocates. Returns
    /// whether the allocator accepted them (false where there is no glibc). Setting either
    /// turns off glibc's own adjustment of both, so both are set (`cgsl_set_allocator_thresholds`).
    @discardableResult
    public static func apply() -> Bool {
        cgsl_set_allocator_thresholds(mmapThreshold, trimThreshold) == 1
    }
}
