import Foundation

/// Which files a command reads: named files as given, directories walked for drafts.
public enum DraftFiles {
    /// Extensions taken from directories; a file named explicitly is read whatever its name.
    public static let extensions: Set<String> = ["md", "markdown", "txt", "docx"]

    /// Expands paths into a sorted, duplicate-free list of files. Hidden entries and build
    /// folders inside directories are skipped. A path that does not exist, or a folder that
    /// cannot be listed, is an error (not a run that quietly checks nothing). Anything in a
    /// folder with a draft's extension is listed, a FIFO or device among them, so that reading
    /// refuses it by name.
    public static func collect(_ paths: [String]) throws(SourceError) -> [String] {
        var files: [String] = []
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw .unreadable(path: path, reason: errno == ENOENT ? "no such file or directory" : SourceFile.reason(errno))
            }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                files.append(path)
                continue
            }
            var found: [String] = []
            try walk(path, relative: "", into: &found)
            let base = path.hasSuffix("/") ? path : path + "/"
            files += found.sorted().map { base + $0 }
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }

    /// The drafts under `folder`, as paths relative to the folder walked first. Links to
    /// folders are not followed, so a link loop cannot make the walk endless.
    private static func walk(_ folder: String, relative: String, into found: inout [String]) throws(SourceError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .unreadable(path: folder, reason: "cannot list this folder (permission denied?)")
        }
        for name in names where !name.hasPrefix(".") && name != "node_modules" {
            let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(full, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                try walk(full, relative: path, into: &found)
                continue
            }
            guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            // A link is listed when it leads to something other than a folder; a broken one is not.
            if status.st_mode & S_IFMT == S_IFLNK, stat(full, &status) != 0 || status.st_mode & S_IFMT == S_IFDIR { continue }
            found.append(path)
        }
    }
}
