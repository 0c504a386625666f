// The tests start kernels and Jupyter clients as child processes on a machine with few cores: one at a time, so that
// the timing checks (streaming, interrupts) measure the kernel and not a crowded machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
