import Foundation

/// Which files a command reads: named files as given, directories walked for drafts.
public enum DraftFiles {
    /// Extensions taken from directories; a file named explicitly is read whatever its name.
    public static let extensions: Set<String> = ["md", "markdown", "txt", "docx"]

    /// Expands paths into a sorted, duplicate-free list of files. Hidden entries and build
    /// folders inside directories are skipped. A path that does not exist is an error.
    public static func collect(_ paths: [String]) throws(SourceError) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                throw .unreadable(path: path, reason: "cannot list directory")
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name == "node_modules" {
                    walker.skipDescendants()
                    continue
                }
                let ext = (name as NSString).pathExtension.lowercased()
                guard extensions.contains(ext) else { continue }
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
            }
            files += found.sorted()
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }
}
