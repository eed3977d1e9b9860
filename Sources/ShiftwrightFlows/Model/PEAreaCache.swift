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

    /// What the cache holds for a set of PEs: the areas it has (by module name), the distinct
    /// designs it lacks, and the Yosys version the keys were made with.
    public struct Lookup: Sendable {
        public var areas: [String: AreaFigures]
        public var missing: [SynthDesign]
        public let yosysVersion: String
    }

    /// The area of every PE in `configs` (by module name), synthesizing only what the cache lacks.
    public func areas(_ configs: [PEConfig], progress: ParallelSynthesis.Progress? = nil) throws -> (areas: [String: AreaFigures], counts: Counts) {
        let found = try lookup(configs)
        let areas = try measure(found, progress: progress)
        return (areas, Counts(hits: found.areas.count, synthesized: found.missing.count))
    }

    /// Looks every distinct PE of `configs` up, synthesizing nothing.
    public func lookup(_ configs: [PEConfig]) throws -> Lookup {
        let version = try synthesis.yosys.version()
        var found = Lookup(areas: [:], missing: [], yosysVersion: version)
        var seen = Set<String>()
        for config in configs {
            let design = try SynthDesign.pe(config)
            guard seen.insert(design.top).inserted else { continue }
            if let data = FileManager.default.contents(atPath: entryPath(design, version: version)),
               let area = try? JSONDecoder().decode(AreaFigures.self, from: data) {
                found.areas[design.top] = area
            } else {
                found.missing.append(design)
            }
        }
        return found
    }

    /// The lookup's areas plus its missing designs synthesized over the cores; each result enters
    /// the cache the moment it exists, so an interrupted or failed run keeps every finished design.
    public func measure(_ found: Lookup, progress: ParallelSynthesis.Progress? = nil) throws -> [String: AreaFigures] {
        var areas = found.areas
        guard !found.missing.isEmpty else { return areas }
        let version = found.yosysVersion
        let results = try synthesis.results(found.missing, target: target, progress: progress) { result in
            try AtomicFile.write(try JSONEncoder.sorted.encode(result.area), to: entryPath(result.design, version: version))
        }
        for result in results { areas[result.design.top] = result.area }
        for design in found.missing where areas[design.top] == nil {
            throw ToolError("synthesis returned no area for \(design.top)")
        }
        return areas
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
