import Foundation
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// Measured PE areas, cached on disk by content: the key hashes the PE's Verilog, the target's
/// synthesis command and the Yosys version, so a changed generator, script or tool is a miss and
/// never a stale hit. Entries live in `<cache>/pe-area/<hash>.json` (`CacheDirectory`), written
/// atomically; misses are synthesized together, one Yosys process per PE, over the cores.
public struct PEAreaCache: Sendable {
    public let synthesis: ParallelSynthesis
    public let target: SynthTarget
    public let directory: String

    public init(synthesis: ParallelSynthesis, target: SynthTarget, directory: String = CacheDirectory.root + "/pe-area") {
        (self.synthesis, self.target, self.directory) = (synthesis, target, directory)
    }

    /// How a lookup went: how many PEs were found in the cache and how many were synthesized.
    public struct Counts: Sendable, Equatable { public var hits = 0, synthesized = 0 }

    /// The area of every PE in `configs` (by module name), synthesizing only what the cache lacks.
    public func areas(_ configs: [PEConfig], progress: ParallelSynthesis.Progress? = nil) throws -> (areas: [String: AreaFigures], counts: Counts) {
        let version = try synthesis.yosys.version()
        var areas: [String: AreaFigures] = [:], missing: [(SynthDesign, String)] = [], counts = Counts()
        var seen = Set<String>()
        for config in configs {
            let design = try SynthDesign.pe(config)
            guard seen.insert(design.top).inserted else { continue }
            let path = entryPath(design, version: version)
            if let data = FileManager.default.contents(atPath: path), let area = try? JSONDecoder().decode(AreaFigures.self, from: data) {
                areas[design.top] = area
                counts.hits += 1
            } else {
                missing.append((design, path))
            }
        }
        if !missing.isEmpty {
            let measured = try synthesis.run(missing.map(\.0), target: target, progress: progress)
            for (design, path) in missing {
                guard let area = measured[design.top] else { throw ToolError("synthesis returned no area for \(design.top)") }
                try AtomicFile.write(try JSONEncoder.sorted.encode(area), to: path)
                areas[design.top] = area
                counts.synthesized += 1
            }
        }
        return (areas, counts)
    }

    func entryPath(_ design: SynthDesign, version: String) -> String {
        var hash = ContentHash()
        for part in ["pe-area v1", design.top, design.verilog, target.description, target.synthCommand, version] { hash.add(part) }
        return "\(directory)/\(hash.hex).json"
    }
}

extension JSONEncoder {
    /// Sorted keys, pretty-printed: byte-identical output for the same value.
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return e
    }
}
