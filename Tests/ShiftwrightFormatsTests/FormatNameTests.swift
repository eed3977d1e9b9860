import Testing
@testable import ShiftwrightFormats

@Suite struct FormatNameTests {
    @Test func namesRoundTripAndWidths() throws {
        let cases: [(String, Int, Bool)] = [
            ("int8", 8, true), ("uint4", 4, false), ("afp-e3m2", 6, true), ("uafp-e3m2", 5, false),
            ("ausn-b3s2", 6, true), ("ausn-b3t2", 6, true), ("pot-b4", 5, true), ("ausn-b4s0", 5, true),
            ("ausn-b2t1t3", 7, true), ("afp-e0m7", 8, true), ("int32", 32, true),
        ]
        for (name, width, signed) in cases {
            let f = try NumberFormat(parsing: name)
            #expect(f.name == name)
            #expect(f.codeWidth == width, "\(name)")
            #expect(f.isSigned == signed, "\(name)")
        }
        #expect(try NumberFormat(parsing: "pot-b4").kind == .ausn(basicBits: 4, subdivisionBits: 0))
        #expect(try NumberFormat(parsing: "ausn-b3t2t1").kind == .ausnTiers(basicBits: 3, tierBits: [2, 1]))
    }

    @Test func everySmallFormatRoundTrips() throws {
        for f in allFormats(maxWidth: 16) {
            #expect(try NumberFormat(parsing: f.name) == f)
        }
    }

    @Test func malformedNamesThrowOneLine() {
        let bad = ["afp-e3", "ausn-b0s2", "afp-e9m2", "afp-e3m11", "afp-e8m8", "int1", "int33", "uint0",
                   "ausn-b7s1", "ausn-b3s9", "ausn-b6s9", "ausn-b3t5", "ausn-b3t1t1t1t1t1", "ausn-b3t0",
                   "pot-b0", "pot-b7", "int08", "afp-e03m2", "float32", "", "ausn-b3", "ausn-b3s", "afp-e0m0",
                   "ausn-b6t4t4t4", "int-8", "afp-e3m2x"]
        for name in bad {
            do {
                _ = try NumberFormat(parsing: name)
                Issue.record("\(name) should not parse")
            } catch let error as FormatError {
                #expect(!error.message.contains("\n"))
                #expect(error.message.contains(name) || name.isEmpty)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func limitMessagesNameTheLimit() {
        #expect(throws: FormatError.self) { try NumberFormat(parsing: "ausn-b0s2") }
        do { _ = try NumberFormat(parsing: "ausn-b0s2") } catch let e as FormatError {
            #expect(e.message.contains("1..6"))
        } catch {}
        do { _ = try NumberFormat(parsing: "afp-e8m8") } catch let e as FormatError {
            #expect(e.message.contains("16"))
        } catch {}
    }
}
