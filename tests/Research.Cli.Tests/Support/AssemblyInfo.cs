// The CLI tests start real child processes, set process-wide environment variables (RESEARCH_TEST_JITTER) and count
// scratch directories: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
