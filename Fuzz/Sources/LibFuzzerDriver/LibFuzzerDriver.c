// Empty: LLVMFuzzerRunDriver is defined by libFuzzer (see include/LibFuzzerDriver.h).
#include "LibFuzzerDriver.h"
