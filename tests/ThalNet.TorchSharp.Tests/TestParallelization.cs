// libtorch's random generator and thread count are process-wide: a test that seeds the generator and then builds a
// model must not have another test's model initialisation draw from it in between (that made a seeded training run
// start elsewhere and miss its loss target), so the test classes of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
