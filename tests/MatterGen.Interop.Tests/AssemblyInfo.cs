// Interop cases run one at a time: each starts Node.js processes, and timings (commissioning against the matter.js
// baseline) mean little when cases compete for the same two cores.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
