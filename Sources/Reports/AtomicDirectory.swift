import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A directory of files replaced as one set: a reader of the directory sees the complete old set
/// or the complete new set, never some files of each.
///
/// `replace` works in five steps:
/// 1. It removes what killed processes left beside the directory: directories named exactly
///    `.<name>.tmp-<pid>-<n>` (`AtomicFile`'s naming) whose process no longer exists
///    (`kill(pid, 0)` fails with ESRCH). Of each it removes only the entries `owns` accepts, then
///    the directory if that left it empty; nothing else is ever removed.
/// 2. It creates the parent directories if needed and a new sibling temporary directory
///    `.<name>.tmp-<pid>-<n>` (with the old directory's permissions, if there is one), and hands
///    its path to `write`, which writes every file there (through `AtomicFile`, which syncs each
///    one).
/// 3. It syncs the temporary directory and swaps it in. When the directory exists, Linux's
///    `renameat2(RENAME_EXCHANGE)` exchanges the two names in one step; where the kernel or file
///    system does not support that (EINVAL, ENOSYS, or no `renameat2` in the C library), two
///    renames do it instead (the old set aside, then the new one in place), leaving a moment in
///    which the directory is absent, but still never a mixture. A directory that does not exist
///    yet is created by a plain `rename`.
/// 4. It syncs the parent directory, so the swap survives a crash.
/// 5. It removes the old set, which is now at the temporary name (owned entries only).
///
/// If a step before the swap fails, or `isCancelled` returns true (checked before `write` and
/// before the swap; `write` may check it too), the temporary directory is removed and the old set
/// is left as it was. A process killed outright (SIGKILL) can leave a temporary directory, which
/// step 1 of the next replacement removes.
///
/// Because the directory is replaced as a whole, it may hold only the set's own files: one that
/// holds anything `owns` rejects is refused, before anything is written, rather than emptied. The
/// root, the current directory and any directory containing it are refused too. A symbolic link
/// to a directory is followed (the link stays; its target is replaced), and a path ending in `.`
/// or `..` is resolved first.
public struct AtomicDirectory: Sendable {
    /// The directory as given (used in messages).
    public let path: String
    /// The directory that holds it, and its name there.
    let parent: String
    let name: String
    /// Whether an entry of the directory belongs to the set (and may be removed with it).
    let owns: @Sendable (String) -> Bool
    /// `renameat2(RENAME_EXCHANGE)`; tests replace it to exercise the two-rename fallback.
    var exchange: @Sendable (String, String) -> Int32 = AtomicDirectory.renameExchange

    /// Temporary directories of this process in use, which step 1 must not remove.
    private static let active = Mutex<Set<String>>([])

    /// Resolves `path` (see the type's documentation); throws when it is empty, the root, or a
    /// symbolic link or `.`/`..` path that cannot be resolved.
    public init(_ path: String, owns: @escaping @Sendable (String) -> Bool) throws(AtomicFileError) {
        self.path = path
        self.owns = owns
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty else {
            throw AtomicFileError(
                path: path, operation: "name the directory", code: ENOENT, reason: "the name is empty")
        }
        var resolved = trimmed
        let last = trimmed.split(separator: "/").last.map(String.init) ?? ""
        var info = stat()
        if last == "." || last == ".." || (lstat(trimmed, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK) {
            guard let real = Self.realPath(trimmed) else {
                throw AtomicFileError(path: path, operation: "resolve the directory", code: errno)
            }
            resolved = real
        }
        guard resolved != "/" else {
            throw AtomicFileError(
                path: path, operation: "replace the directory", code: EBUSY,
                reason: "the root directory cannot be replaced")
        }
        if let slash = resolved.lastIndex(of: "/") {
            let head = String(resolved[..<slash])
            parent = head.isEmpty ? "/" : head
            name = String(resolved[resolved.index(after: slash)...])
        } else {
            parent = "."
            name = resolved
        }
    }

    /// The directory's resolved path.
    var target: String { Self.join(parent, name) }

    /// Checks, without writing anything, that `replace` can succeed as far as can be known
    /// beforehand: the directory, if it exists, is a directory holding only owned entries that
    /// this process may remove, and is not the current directory or one containing it; a new
    /// directory can be created where the temporary one will go (probed by creating and removing
    /// one). Also removes stale temporaries (step 1).
    public func check() throws(AtomicFileError) {
        removeStaleTemporaries()
        if try inspectExisting() {
            guard access(target, W_OK | X_OK) == 0 else {
                throw AtomicFileError(path: path, operation: "replace the files in the directory", code: errno)
            }
        }
        // The nearest ancestor that exists is where the first new directory will be made.
        var directory = parent
        while true {
            var info = stat()
            if stat(directory, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw AtomicFileError(path: path, operation: "create a directory in \(directory)", code: ENOTDIR)
                }
                break
            }
            guard errno == ENOENT || errno == ENOTDIR, let up = Self.parentOf(directory) else {
                throw AtomicFileError(path: path, operation: "examine \(directory)", code: errno)
            }
            directory = up
        }
        let probe = Self.join(directory, AtomicFile.temporaryName(for: name))
        guard mkdir(probe, 0o700) == 0 else {
            throw AtomicFileError(path: path, operation: "create a directory in \(directory)", code: errno)
        }
        _ = rmdir(probe)
    }

    /// Replaces the directory's files by those `write` puts in the temporary directory whose path
    /// it receives (see the type's documentation). Returns a note when the old set could not be
    /// removed completely (someone added a file to the directory while it was being written):
    /// the new set is then in place and what remains of the old one is at the path the note names.
    @discardableResult
    public func replace(
        isCancelled: () -> Bool = { false },
        write: (String) throws(AtomicFileError) -> Void
    ) throws(AtomicFileError) -> String? {
        try replace(isCancelled: isCancelled, beforeSwap: { _ throws(AtomicFileError) in }, write: write)
    }

    /// The implementation, with a hook run after the new set is complete and before the swap
    /// (tests use it to simulate an interruption at the worst moment).
    func replace(
        isCancelled: () -> Bool, beforeSwap: (String) throws(AtomicFileError) -> Void,
        write: (String) throws(AtomicFileError) -> Void
    ) throws(AtomicFileError) -> String? {
        removeStaleTemporaries()
        _ = try inspectExisting()
        try AtomicFile.makeDirectories(parent, target: path)
        let staging = Self.join(parent, AtomicFile.temporaryName(for: name))
        guard mkdir(staging, 0o777) == 0 else {
            throw AtomicFileError(path: path, operation: "create a temporary directory", code: errno)
        }
        Self.active.withLock { _ = $0.insert(staging) }
        defer { Self.active.withLock { _ = $0.remove(staging) } }
        var info = stat()
        if stat(target, &info) == 0 { _ = chmod(staging, info.st_mode & 0o7777) }  // keep the old permissions
        let old: String?
        do throws(AtomicFileError) {
            guard !isCancelled() else { throw AtomicFileError.interrupted(path) }
            try write(staging)
            Self.sync(staging)
            try beforeSwap(staging)
            guard !isCancelled() else { throw AtomicFileError.interrupted(path) }
            old = try swap(in: staging)
        } catch {
            _ = remove(staging, everything: true)
            throw error
        }
        Self.sync(parent)
        return old.flatMap { remove($0, everything: false) }
    }

    /// Puts `staging` at the directory's name; returns where the old set now is (nil if none).
    private func swap(in staging: String) throws(AtomicFileError) -> String? {
        if try !inspectExisting() {
            if rename(staging, target) == 0 { return nil }
            let code = errno
            guard code == EEXIST || code == ENOTEMPTY else {
                throw AtomicFileError(path: path, operation: "rename the new files into place", code: code)
            }
            _ = try inspectExisting()  // it appeared meanwhile: check it, then exchange
        }
        let code = exchange(staging, target)
        if code == 0 { return staging }
        guard code == EINVAL || code == ENOSYS else {
            throw AtomicFileError(path: path, operation: "exchange the old and new files", code: code)
        }
        let aside = Self.join(parent, AtomicFile.temporaryName(for: name))
        guard rename(target, aside) == 0 else {
            throw AtomicFileError(path: path, operation: "move the old files aside", code: errno)
        }
        guard rename(staging, target) == 0 else {
            let code = errno
            _ = rename(aside, target)
            throw AtomicFileError(path: path, operation: "rename the new files into place", code: code)
        }
        return aside
    }

    /// Whether the directory exists; throws when it is not a directory, is (or contains) the
    /// current directory, or holds an entry `owns` rejects.
    private func inspectExisting() throws(AtomicFileError) -> Bool {
        var info = stat()
        guard lstat(target, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return false }
            throw AtomicFileError(path: path, operation: "examine the directory", code: errno)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw AtomicFileError(path: path, operation: "replace the directory", code: ENOTDIR)
        }
        if let real = Self.realPath(target), let current = Self.realPath("."),
            current == real || current.hasPrefix(real + "/")
        {
            throw AtomicFileError(
                path: path, operation: "replace the directory", code: EBUSY,
                reason: "it is the current directory or contains it; name a directory below it")
        }
        guard let entries = Self.entries(target) else {
            throw AtomicFileError(path: path, operation: "list the directory", code: errno)
        }
        let foreign = entries.filter { !owns($0) }.sorted()
        if let first = foreign.first {
            let more = foreign.count > 1 ? " (and \(foreign.count - 1) more)" : ""
            throw AtomicFileError(
                path: path, operation: "replace the directory", code: ENOTEMPTY,
                reason: "it holds \(first)\(more), which is not one of the files written there; "
                    + "the directory is replaced as a whole, so use a new or empty one")
        }
        return true
    }

    /// Step 1: removes temporary directories of this name left by processes that no longer exist.
    func removeStaleTemporaries() {
        let me = getpid()
        for entry in Self.entries(parent) ?? [] {
            guard let pid = AtomicFile.temporaryOwner(entry, of: name), pid > 0 else { continue }
            let path = Self.join(parent, entry)
            guard !Self.active.withLock({ $0.contains(path) }) else { continue }
            guard pid == me || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            _ = remove(path, everything: false)
        }
    }

    /// Removes a temporary directory's entries (all of them, or only owned ones) and then the
    /// directory; returns a note naming what was left when it could not be removed.
    private func remove(_ directory: String, everything: Bool) -> String? {
        var kept: [String] = []
        for entry in Self.entries(directory) ?? [] {
            if (everything || owns(entry)) && unlink(Self.join(directory, entry)) == 0 { continue }
            kept.append(entry)
        }
        if rmdir(directory) == 0 { return nil }
        let what = kept.isEmpty ? "" : ", which holds " + kept.sorted().joined(separator: ", ")
        return "the previous files of \(path) could not all be removed: they are in \(directory)\(what)"
    }

    // MARK: system calls

    /// `renameat2(from, to, RENAME_EXCHANGE)`: 0, or the errno value (ENOSYS when the C library
    /// has no `renameat2`, as before glibc 2.28, or off Linux). Looked up at run time because
    /// Swift's Glibc module does not declare it.
    static func renameExchange(_ from: String, _ to: String) -> Int32 {
        #if os(Linux)
            guard let renameat2 = renameat2Function else { return ENOSYS }
            return renameat2(AT_FDCWD, from, AT_FDCWD, to, 2 /* RENAME_EXCHANGE */) == 0 ? 0 : errno
        #else
            return ENOSYS
        #endif
    }

    #if os(Linux)
        private typealias Renameat2 =
            @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        private static let renameat2Function: Renameat2? = {
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: Renameat2.self)
        }()
    #endif

    /// The names in a directory, without `.` and `..`; nil when it cannot be opened.
    static func entries(_ directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `fsync` of a directory; failures are ignored (some file systems do not support it).
    private static func sync(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory == "." ? name : directory == "/" ? "/" + name : directory + "/" + name
    }

    /// The directory holding `path` ("." for a bare name); nil for "." and "/".
    static func parentOf(_ path: String) -> String? {
        guard path != ".", path != "/" else { return nil }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension AtomicFileError {
    /// Writing stopped because the run was interrupted (`isCancelled`).
    public static func interrupted(_ path: String) -> AtomicFileError {
        AtomicFileError(path: path, operation: "write the files", code: ECANCELED, reason: "interrupted")
    }
}
