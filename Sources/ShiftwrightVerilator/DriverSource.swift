/// The C++ side of co-simulation, compiled into the binary so `shiftwright` works from any
/// directory and when copied elsewhere. A fixed, format-agnostic driver: it replays a binary
/// stimulus file through a Verilator-compiled design and writes every output back, one clock
/// cycle per vector. For each design the generated `sw_glue.h` (how the design's ports map to
/// words, `GlueWriter`) sits next to it in the build directory; both are compiled with
/// `verilator --cc --exe --build`. Expected values never come from here: the golden model
/// computes them in Swift and compares.
enum DriverSource {
    /// `sw_driver.cpp`.
    static let text = #"""
// Shiftwright co-simulation driver: replays a binary stimulus file through a Verilated model and
// records every output, one cycle per vector. It knows nothing about formats or expected values:
// the Swift side writes the stimulus, and compares the outputs with its golden model.
//
// Usage: sim IN.bin OUT.bin CYCLES [WAVE_FILE FROM TO]
//        sim --raw IN.bin CYCLES
//   IN.bin   CYCLES rows of SW_IN_BYTES: every input but clk, in port order, each packed little-endian
//            into 1, 2, 4 or 8 bytes (8 per 64-bit word when wider), as sw_glue.h describes
//   OUT.bin  CYCLES rows of SW_OUT_BYTES, the outputs sampled before the clock edge, packed alike
//   WAVE_FILE, FROM, TO: trace cycles FROM..TO (inclusive) into a VCD/FST file (trace builds only)
//   --raw    the simulator's own speed: reads the whole stimulus into memory first, then times
//            only the cycle loop (same evaluations and output sampling, nothing written) and prints
//            "raw CYCLES WALL_SECONDS CPU_SECONDS" on stdout
// Each cycle: apply inputs with clk low, settle, sample outputs, then (clocked designs) one rising
// clock edge. Two evaluations per cycle.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <vector>
#include "verilated.h"
#include "sw_glue.h"
#if SW_TRACE_FST
#include "verilated_fst_c.h"
typedef VerilatedFstC SwTrace;
#elif SW_TRACE_VCD
#include "verilated_vcd_c.h"
typedef VerilatedVcdC SwTrace;
#endif

static int fail(const char* what) {
    std::fprintf(stderr, "sw_driver: %s\n", what);
    return 2;
}

// One untraced clock cycle of row `in`, its outputs sampled into `out` (what the main loop does per cycle).
static inline void sw_cycle(SwTop* top, const uint8_t* in, uint8_t* out) {
    sw_apply(top, in);
    top->eval();
    sw_sample(top, out);
#if SW_CLOCKED
    top->clk = 1;
    top->eval();
    top->clk = 0;
#endif
}

static double sw_seconds(clockid_t clock) {
    timespec t;
    clock_gettime(clock, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// --raw IN.bin CYCLES: the cycle loop alone, over a stimulus already in memory.
static int sw_raw(const char* inPath, uint64_t cycles) {
    std::vector<uint8_t> rows(cycles * SW_IN_BYTES + 1);
    FILE* in = std::fopen(inPath, "rb");
    if (!in) return fail("cannot open stimulus file");
    const bool complete = !SW_IN_BYTES || std::fread(rows.data(), SW_IN_BYTES, cycles, in) == cycles;
    std::fclose(in);
    if (!complete) return fail("stimulus file is shorter than CYCLES");
    std::vector<uint8_t> sample(SW_OUT_BYTES ? SW_OUT_BYTES : 1);
    std::unique_ptr<VerilatedContext> context(new VerilatedContext);
    std::unique_ptr<SwTop> top(new SwTop(context.get()));
#if SW_CLOCKED
    top->clk = 0;
#endif
    const double wall0 = sw_seconds(CLOCK_MONOTONIC), cpu0 = sw_seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (uint64_t cycle = 0; cycle < cycles; ++cycle) sw_cycle(top.get(), rows.data() + cycle * SW_IN_BYTES, sample.data());
    const double wall = sw_seconds(CLOCK_MONOTONIC) - wall0, cpu = sw_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    top->final();
    std::printf("raw %llu %.6f %.6f\n", (unsigned long long)cycles, wall, cpu);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--raw") == 0) return sw_raw(argv[2], std::strtoull(argv[3], nullptr, 10));
    if (argc != 4 && argc != 8) return fail("usage: sim IN.bin OUT.bin CYCLES [WAVE FROM TO ORIGIN]");
    const uint64_t cycles = std::strtoull(argv[3], nullptr, 10);
    std::unique_ptr<VerilatedContext> context(new VerilatedContext);
    std::unique_ptr<SwTop> top(new SwTop(context.get()));
    FILE* in = std::fopen(argv[1], "rb");
    if (!in) return fail("cannot open stimulus file");
    FILE* out = std::fopen(argv[2], "wb");
    if (!out) return fail("cannot open output file");
#if SW_TRACE_FST || SW_TRACE_VCD
    std::unique_ptr<SwTrace> trace;
    uint64_t traceFrom = 0, traceTo = 0;
    if (argc == 8) {
        context->traceEverOn(true);
        trace.reset(new SwTrace);
        top->trace(trace.get(), 99);
        trace->open(argv[4]);
        traceFrom = std::strtoull(argv[5], nullptr, 10);
        traceTo = std::strtoull(argv[6], nullptr, 10);
    }
#endif
    const uint64_t chunk = 1 << 16;
    std::vector<uint8_t> inRows(chunk * (SW_IN_BYTES ? SW_IN_BYTES : 1));
    std::vector<uint8_t> outRows(chunk * (SW_OUT_BYTES ? SW_OUT_BYTES : 1));
    // Row 0 is cycle ORIGIN of the run (a replay from a restart point): 10 time units per cycle.
    uint64_t time = argc == 8 ? 10 * std::strtoull(argv[7], nullptr, 10) : 0;
#if SW_CLOCKED
    top->clk = 0;
#endif
    for (uint64_t done = 0; done < cycles;) {
        const uint64_t n = (cycles - done < chunk) ? cycles - done : chunk;
        if (SW_IN_BYTES && std::fread(inRows.data(), SW_IN_BYTES, n, in) != n)
            return fail("stimulus file is shorter than CYCLES");
        for (uint64_t i = 0; i < n; ++i) {
            const uint64_t cycle = done + i;
            sw_apply(top.get(), inRows.data() + i * SW_IN_BYTES);
            top->eval();
            sw_sample(top.get(), outRows.data() + i * SW_OUT_BYTES);
#if SW_TRACE_FST || SW_TRACE_VCD
            const bool tracing = trace && cycle >= traceFrom && cycle <= traceTo;
            if (tracing) trace->dump(time);
#endif
            time += 5;
#if SW_CLOCKED
            // Rising edge; clk returns to 0 together with the next cycle's inputs (one eval).
            top->clk = 1;
            top->eval();
#if SW_TRACE_FST || SW_TRACE_VCD
            if (tracing) trace->dump(time);
#endif
            time += 5;
            top->clk = 0;
#endif
            (void)cycle;
        }
        if (SW_OUT_BYTES && std::fwrite(outRows.data(), SW_OUT_BYTES, n, out) != n)
            return fail("cannot write output file");
        done += n;
    }
#if SW_TRACE_FST || SW_TRACE_VCD
    if (trace) trace->close();
#endif
    top->final();
    std::fclose(in);
    if (std::fclose(out) != 0) return fail("cannot close output file");
    return 0;
}
"""#
}
