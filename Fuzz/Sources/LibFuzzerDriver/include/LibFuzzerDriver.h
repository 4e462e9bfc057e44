// libFuzzer's driver entry point (compiler-rt, linked in by -sanitize=fuzzer). The fuzzers call it
// from their Swift main instead of relying on libFuzzer's own main, which SwiftPM's executable
// products (main renamed to <Target>_main) would hide.
#ifndef TARAZU_LIBFUZZER_DRIVER_H
#define TARAZU_LIBFUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
