import Foundation
import Testing

/// Every `import` in a target's sources names a target or product that Package.swift lists among
/// that target's dependencies (directly or through another listed target). An incremental build hides a missing one (the module happens to be
/// built already); a fresh clone's parallel build then fails at random. This test reads the sources
/// and the manifest as text, so it fails the moment an undeclared import appears.
@Suite struct PackageLayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Modules that come with the toolchain and need no declaration.
    static let toolchainModules: Set<String> = ["Foundation", "FoundationEssentials", "FoundationXML", "Testing", "Dispatch", "Synchronization", "Glibc", "Darwin", "Musl", "XCTest"]

    /// Target name -> declared dependency names, read from Package.swift.
    static func declaredDependencies(manifest: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        // Each target declaration runs from its `.target(` to the next one; its dependency list is
        // the first `dependencies: [...]` inside it (a list holds no nested brackets).
        let starts = manifest.matches(of: #/\.(?:target|testTarget|executableTarget)\(\s*name:\s*"(?<name>[A-Za-z]+)"/#)
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].range.lowerBound : manifest.endIndex
            let body = manifest[start.range.upperBound..<end]
            var deps: Set<String> = []
            if let list = body.firstMatch(of: #/dependencies:\s*\[(?<list>[^\]]*)\]/#) {
                for quoted in String(list.output.list).matches(of: #/"(?<dep>[A-Za-z]+)"/#) {
                    deps.insert(String(quoted.output.dep))
                }
            }
            result[String(start.output.name)] = deps
        }
        return result
    }

    /// The dependencies reachable from `direct`: SwiftPM builds all of them before the target, so
    /// importing any is safe; importing anything else races the parallel build.
    static func closure(of direct: Set<String>, in declared: [String: Set<String>]) -> Set<String> {
        var seen = direct, work = Array(direct)
        while let next = work.popLast() {
            for dep in declared[next] ?? [] where seen.insert(dep).inserted { work.append(dep) }
        }
        return seen
    }

    /// The modules a directory's Swift files import.
    static func imports(under directory: URL) throws -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [:] }
        for case let file as URL in walker where file.pathExtension == "swift" && !file.path.contains("/Fixtures/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let m = line.firstMatch(of: #/^(?:@testable |@_exported )?import (?<module>[A-Za-z]+)\s*$/#) {
                    found[file.lastPathComponent, default: []].insert(String(m.output.module))
                }
            }
        }
        return found
    }

    @Test func everyImportIsADeclaredDependency() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declared = Self.declaredDependencies(manifest: manifest)
        #expect(declared.count >= 10, "parsed only \(declared.keys.sorted()) from Package.swift")
        var problems: [String] = []
        for (target, direct) in declared.sorted(by: { $0.key < $1.key }) {
            let deps = Self.closure(of: direct, in: declared)
            let folder = target.hasSuffix("Tests") ? "Tests" : "Sources"
            let perFile = try Self.imports(under: Self.root.appendingPathComponent("\(folder)/\(target)"))
            for (file, modules) in perFile.sorted(by: { $0.key < $1.key }) {
                for module in modules.sorted() where !Self.toolchainModules.contains(module) && !deps.contains(module) {
                    problems.append("\(target)/\(file) imports \(module), which Package.swift does not list for \(target)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theCheckCatchesAnUndeclaredImport() {
        // A planted fault: a manifest whose test target lacks a module its file imports.
        let manifest = #"""
        .target(name: "A", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "B", dependencies: ["A"]),
        .testTarget(name: "ATests", dependencies: ["A"], exclude: ["Fixtures"]),
        """#
        let declared = Self.declaredDependencies(manifest: manifest)
        #expect(declared["A"] == ["BigInt"])
        #expect(declared["ATests"] == ["A"])
        let reachable = Self.closure(of: declared["ATests"] ?? [], in: declared)
        #expect(reachable == ["A", "BigInt"])
        #expect(!reachable.contains("B"), "ATests importing B must be reported")
    }
}
