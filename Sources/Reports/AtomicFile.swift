import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see either the old contents or the complete new contents,
/// never a half-written file.
///
/// Steps: create the directory (and any missing parents); create a new temporary file
/// `.<name>.tmp-<pid>-<counter>` in the same directory (`O_CREAT | O_EXCL`, so two writers never
/// share one); write all bytes (retrying short writes and EINTR); `fsync` it; close it;
/// `rename(2)` it over the target, which POSIX makes atomic within a file system; finally
/// `fsync` the directory so the rename itself survives a crash (a failure of that last, advisory
/// step is ignored: some file systems do not support it).
///
/// If any step fails the temporary file is removed and an `AtomicFileError` names the target
/// path, the step and the system's error text; the previous file, if any, is left as it was.
/// A run interrupted by a signal can leave at most a stray `.name.tmp-*` file, never a damaged
/// target. The new file's permissions are 0666 minus the process umask; if the target is a
/// symbolic link, the link itself is replaced by the new file.
public enum AtomicFile {
    private static let counter = Atomic<Int>(0)

    /// Writes `bytes` to `path` atomically (see the type's documentation).
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        try write(bytes, to: path, beforeRename: { _ throws(AtomicFileError) in })
    }

    /// Writes the UTF-8 encoding of `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes a file too large to hold in memory: `produce` is called once and hands its bytes, in
    /// pieces, to the function it receives; the file appears at `path` only when all of them are
    /// written (same steps and guarantees as `write(_:to:)`).
    public static func write(
        to path: String,
        streaming produce: ((_ piece: [UInt8]) throws(AtomicFileError) -> Void) throws(AtomicFileError) -> Void
    ) throws(AtomicFileError) {
        try write(to: path, beforeRename: { _ throws(AtomicFileError) in }) { fd throws(AtomicFileError) in
            try produce { piece throws(AtomicFileError) in try writeAll(fd, piece, target: path) }
        }
    }

    /// The implementation, with a hook run after the temporary file is complete and before the
    /// rename (tests use it to simulate an interruption at the worst moment).
    static func write(
        _ bytes: [UInt8], to path: String,
        beforeRename: (String) throws(AtomicFileError) -> Void
    ) throws(AtomicFileError) {
        try write(to: path, beforeRename: beforeRename) { fd throws(AtomicFileError) in
            try writeAll(fd, bytes, target: path)
        }
    }

    private static func write(
        to path: String, beforeRename: (String) throws(AtomicFileError) -> Void,
        body: (Int32) throws(AtomicFileError) -> Void
    ) throws(AtomicFileError) {
        guard let slash = path.lastIndex(of: "/") else {
            try writeInDirectory(".", name: path, target: path, hook: beforeRename, body: body)
            return
        }
        let directory = String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        try writeInDirectory(
            directory.isEmpty ? "/" : directory, name: name, target: path,
            hook: beforeRename, body: body)
    }

    private static func writeInDirectory(
        _ directory: String, name: String, target: String,
        hook: (String) throws(AtomicFileError) -> Void, body: (Int32) throws(AtomicFileError) -> Void
    ) throws(AtomicFileError) {
        guard !name.isEmpty, name != ".", name != ".." else {
            throw AtomicFileError(path: target, operation: "name the file", code: EISDIR)
        }
        try makeDirectories(directory, target: target)
        let temporary = (directory == "/" ? "" : directory) + "/" + temporaryName(for: name)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw AtomicFileError(path: target, operation: "create a temporary file", code: errno)
        }
        var isOpen = true
        do throws(AtomicFileError) {
            try body(fd)
            guard fsync(fd) == 0 else {
                throw AtomicFileError(path: target, operation: "sync", code: errno)
            }
            isOpen = false
            guard close(fd) == 0 else {
                throw AtomicFileError(path: target, operation: "close", code: errno)
            }
            try hook(temporary)
            guard rename(temporary, target) == 0 else {
                throw AtomicFileError(path: target, operation: "rename into place", code: errno)
            }
        } catch {
            if isOpen { _ = close(fd) }
            _ = unlink(temporary)
            throw error
        }
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            _ = close(dfd)
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], target: String) throws(AtomicFileError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = systemWrite(fd, base + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    failure = n < 0 ? errno : EIO
                    return
                }
            }
        }
        if failure != 0 { throw AtomicFileError(path: target, operation: "write", code: failure) }
    }

    /// A new temporary name for `name` in the same directory: `.<name>.tmp-<pid>-<n>`, with `n`
    /// from a process-wide counter, so no two writers (threads or processes) share one.
    /// `AtomicDirectory` names its temporary directories the same way.
    static func temporaryName(for name: String) -> String {
        let serial = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return ".\(name).tmp-\(getpid())-\(serial)"
    }

    /// The process id in `entry` when it is a temporary name for `name` (exactly
    /// `.<name>.tmp-<pid>-<n>`, both numbers decimal digits); nil for any other name.
    static func temporaryOwner(_ entry: String, of name: String) -> Int32? {
        let prefix = ".\(name).tmp-"
        guard entry.hasPrefix(prefix) else { return nil }
        let numbers = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard numbers.count == 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        return Int32(numbers[0])
    }

    /// `mkdir -p`: creates each missing component in turn (iteratively, no recursion).
    static func makeDirectories(_ directory: String, target: String) throws(AtomicFileError) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o777) == 0 { continue }
            let code = errno
            var info = stat()
            guard code == EEXIST, stat(prefix, &info) == 0 else {
                throw AtomicFileError(
                    path: target, operation: "create the directory \(prefix)",
                    code: code)
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw AtomicFileError(
                    path: target, operation: "create the directory \(prefix)",
                    code: ENOTDIR)
            }
        }
    }
}

/// A file that could not be written: the path, the step that failed and the system's reason.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var operation: String
    /// The errno value.
    public var code: Int32
    /// The system's text for `code` (strerror).
    public var reason: String

    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
        reason = String(cString: strerror(code))
    }

    /// An error whose reason is the tool's own words rather than the system's text for `code`.
    public init(path: String, operation: String, code: Int32, reason: String) {
        self.path = path
        self.operation = operation
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "cannot write \(path): \(operation) failed: \(reason)"
    }
}

/// write(2), named apart from `AtomicFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}
