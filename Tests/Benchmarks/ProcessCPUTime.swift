import Foundation

/// CPU seconds the process has used so far, on all its threads.
func processCPUSeconds() -> Double {
    cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
}

/// CPU seconds the calling thread has used so far.
func threadCPUSeconds() -> Double {
    cpuSeconds(CLOCK_THREAD_CPUTIME_ID)
}

private func cpuSeconds(_ clock: clockid_t) -> Double {
    var now = timespec()
    clock_gettime(clock, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
