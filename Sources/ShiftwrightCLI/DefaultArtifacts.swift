import ShiftwrightGenerators

/// The artifacts of every default configuration, in a fixed order (what `rtl-out/` holds).
enum DefaultArtifacts {
    static func all() throws -> [DesignArtifacts] {
        try DefaultDesigns.peConfigs().map(DesignArtifacts.pe)
    }
}
