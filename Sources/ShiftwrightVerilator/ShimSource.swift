/// The C++ side of in-process co-simulation: a Verilated design compiled into a shared library
/// with a small `extern "C"` API that evaluates a whole chunk of vectors per call (a call per
/// vector would cost more than the simulation). Like `DriverSource` it knows nothing about formats
/// or expected values; the per-design `sw_words.h` (`GlueWriter.wordHeader`) maps word rows onto
/// ports. `$finish`, `$stop` and `$fatal` in the RTL end the chunk with a status instead of ending
/// the process that loaded the library.
enum ShimSource {
    /// `sw_shim.cpp`.
    static let text = #"""
// Shiftwright in-process simulator: chunked evaluation of a Verilated model behind a C API.
//   sw_open()                         a fresh model (own VerilatedContext) in reset-free state
//   sw_run(h, in, out, rows)          rows x SW_IN_WORDS input words -> rows x SW_OUT_WORDS outputs;
//                                     per row: apply inputs, then `sw_cycle` (sample and clock edge)
//                                     returns 0, or 1 after $finish, 2 after $stop/$fatal/an error
//   sw_raw(h, rows, seed)             the raw simulator: random inputs from a C++ xorshift, outputs
//                                     folded into a checksum; no I/O, no golden model (benchmarks)
//   sw_message()                      the last $stop/$fatal message of this thread
//   sw_close(h)
#include <cstdint>
#include <cstring>
#include <memory>
#include "verilated.h"
#include "sw_words.h"

static thread_local char sw_last_message[512];

static void sw_note(const char* filename, int linenum, const char* msg) {
    std::snprintf(sw_last_message, sizeof sw_last_message, "%s:%d: %s", filename ? filename : "?", linenum, msg);
}

void vl_finish(const char* filename, int linenum, const char* hier) {
    (void)filename; (void)linenum; (void)hier;
    Verilated::threadContextp()->gotFinish(true);
}

void vl_stop(const char* filename, int linenum, const char* hier) {
    (void)hier;
    sw_note(filename, linenum, "Verilog $stop");
    Verilated::threadContextp()->gotError(true);
    Verilated::threadContextp()->gotFinish(true);
}

void vl_fatal(const char* filename, int linenum, const char* hier, const char* msg) {
    (void)hier;
    sw_note(filename, linenum, msg);
    Verilated::threadContextp()->gotError(true);
    Verilated::threadContextp()->gotFinish(true);
}

struct SwHandle {
    std::unique_ptr<VerilatedContext> context;
    std::unique_ptr<SwTop> top;
    // SW_REGISTERED: the reset of the row before, applied with this row's data (1 at power-up,
    // so the first edge resets the designs like the unregistered model's first row does).
    uint8_t heldReset = 1;
};

// One row, its inputs applied: outputs sampled into `out`, then the clock edge. Unregistered:
// evaluate with clk low, sample, rising edge. Registered inputs (DesignBatch): the designs see
// this row after the edge, so the rising edge comes first (with the previous row's reset, which
// delays rst like the data), then the sample, then clk low: the designs' logic is evaluated once.
static inline void sw_cycle(SwHandle* h, SwTop* t, uint64_t* out) {
#if SW_REGISTERED
#if SW_RESET_WORD >= 0
    uint8_t reset = t->rst;
    t->rst = h->heldReset;
    h->heldReset = reset;
#endif
    t->clk = 1;
    t->eval();
    sw_sample_words(t, out);
    t->clk = 0;
    t->eval();
#else
    (void)h;
    t->eval();
    sw_sample_words(t, out);
#if SW_CLOCKED
    t->clk = 1;
    t->eval();
    t->clk = 0;
#endif
#endif
}

extern "C" void* sw_open() {
    SwHandle* h = new SwHandle;
    h->context.reset(new VerilatedContext);
    h->top.reset(new SwTop(h->context.get()));
#if SW_CLOCKED
    h->top->clk = 0;
#endif
    return h;
}

static inline int sw_status(SwHandle* h) {
    if (!h->context->gotFinish()) return 0;
    return h->context->gotError() ? 2 : 1;
}

extern "C" int sw_run(void* handle, const uint64_t* in, uint64_t* out, uint64_t rows) {
    SwHandle* h = static_cast<SwHandle*>(handle);
    SwTop* t = h->top.get();
    for (uint64_t i = 0; i < rows; ++i) {
        sw_apply_words(t, in + i * SW_IN_WORDS);
        sw_cycle(h, t, out + i * SW_OUT_WORDS);
        if (h->context->gotFinish()) return sw_status(h);
    }
    return 0;
}

extern "C" uint64_t sw_raw(void* handle, uint64_t rows, uint64_t seed) {
    SwHandle* h = static_cast<SwHandle*>(handle);
    SwTop* t = h->top.get();
    uint64_t state = seed | 1, sink = 0;
    uint64_t row[SW_IN_WORDS ? SW_IN_WORDS : 1];
    uint64_t result[SW_OUT_WORDS ? SW_OUT_WORDS : 1];
    for (uint64_t i = 0; i < rows; ++i) {
        for (int w = 0; w < SW_IN_WORDS; ++w) {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            row[w] = state;
        }
        if (SW_RESET_WORD >= 0) row[SW_RESET_WORD] = (i == 0);
        sw_apply_words(t, row);
        sw_cycle(h, t, result);
        for (int w = 0; w < SW_OUT_WORDS; ++w) sink += result[w];
    }
    return sink;
}

extern "C" const char* sw_message() { return sw_last_message; }

extern "C" void sw_close(void* handle) {
    SwHandle* h = static_cast<SwHandle*>(handle);
    h->top->final();
    delete h;
}
"""#
}
