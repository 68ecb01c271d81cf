using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests.Planning;

/// <summary>The step plan: every kind-dependent decision read from the catalog once, as equatable values.</summary>
public class StepPlanTests
{
    private static readonly string MixedModel = Yaml(
        "model: Mixed",
        "inputs: { x: 4, t: { tokens: 7 } }",
        "substeps: 2",
        "defaults: { reading: weight-norm, context: 6, layers: [ff 5 relu, gru 5] }",
        "modules:",
        "  a: { role: input, inputs: [x, t], reading: linear }",
        "  b: { role: side, reading: fast-softmax, layers: [lstm 3, ff 4 gelu, lstm 6] }",
        "  c: { role: side, reading: fast-gaussian, layers: [gru 3] }",
        "  d:",
        "    role: output",
        "    outputs:",
        "      y: { size: 3, at: every }",
        "      z: { size: 2, loss: mse, weight: 0.5 }");

    private static StepPlan Plan(string yaml) => StepPlanner.Build(Layout(yaml));

    [Fact]
    public void Built_twice_from_one_spec_the_plans_are_equal_and_an_edit_changes_them()
    {
        var first = Plan(MixedModel);
        var second = Plan(MixedModel);
        var edited = Plan(MixedModel.Replace("context: 6", "context: 7", StringComparison.Ordinal));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, edited);
    }

    [Fact]
    public void Static_reads_are_fused_in_module_order_and_fast_reads_run_alone()
    {
        var layout = Layout(MixedModel);
        var plan = StepPlanner.Build(layout);

        var statics = layout.Modules.Select((m, i) => (m, i)).Where(p => !Catalog.Reading(p.m.Reading).ReadsOwnFeatures).Select(p => p.i).ToArray();
        Assert.Equal(statics, Assert.IsType<FusedReadPlan>(plan.FusedReads).Modules);
        for (var m = 0; m < plan.Modules.Count; m++)
        {
            var read = plan.Modules[m].Read;
            var entry = Catalog.Reading(layout.Modules[m].Reading);
            Assert.Equal(entry.Types, read.Types);
            Assert.Equal(Array.IndexOf(statics, m) is var slot && slot >= 0 ? slot : null, read.FusedSlot);
            int[] sizes = entry.ReadsOwnFeatures
                ? [layout.CenterSize, layout.Modules[m].ContextSize, layout.Modules[m].FeatureSize]
                : [layout.CenterSize, layout.Modules[m].ContextSize];
            Assert.Equal(sizes, read.Sizes);
            Assert.Equal(ReaderInputs.Center | ReaderInputs.Features, read.Arguments);
        }
    }

    [Fact]
    public void A_model_of_fast_readers_only_fuses_nothing()
    {
        var plan = Plan(MixedModel.Replace("reading: weight-norm", "reading: fast-softmax", StringComparison.Ordinal).Replace("reading: linear", "reading: fast-gaussian", StringComparison.Ordinal));

        Assert.Null(plan.FusedReads);
        Assert.All(plan.Modules, m => Assert.Null(m.Read.FusedSlot));
    }

    [Fact]
    public void Layers_carry_their_catalog_types_activation_and_the_state_their_recurrence_needs()
    {
        var layout = Layout(MixedModel);
        var plan = StepPlanner.Build(layout);

        for (var m = 0; m < plan.Modules.Count; m++)
        {
            var module = plan.Modules[m];
            Assert.Equal(module.FeatureSize, plan.State[module.Features].Width);
            Assert.Equal(StateRole.Features, plan.State[module.Features].Role);
            for (var l = 0; l < module.Layers.Count; l++)
            {
                var layer = module.Layers[l];
                var spec = layout.Modules[m].Layers[l];
                var entry = Catalog.Layer(spec.Kind);
                Assert.Equal(entry.Types, layer.Types);
                Assert.Equal(entry.TakesActivation ? spec.Activation : null, layer.Activation);
                Assert.Equal(entry.Recurrence != Recurrence.None, layer.Hidden is not null);
                Assert.Equal(entry.Recurrence == Recurrence.HiddenAndCell, layer.Cell is not null);
                if (layer.Hidden is { } hidden)
                {
                    // The last layer's hidden state is the module's features; an inner one's is its own entry, written after the module runs.
                    var last = l == module.Layers.Count - 1;
                    Assert.Equal(last, hidden == module.Features);
                    Assert.Equal(last ? StateRole.Features : StateRole.Hidden, plan.State[hidden].Role);
                    Assert.Contains(new StateWrite(hidden, l), module.Writes);
                }

                if (layer.Cell is { } cell)
                {
                    Assert.Equal(StateRole.Cell, plan.State[cell].Role);
                    Assert.Equal(layer.OutputSize, plan.State[cell].Width);
                    Assert.DoesNotContain(module.Writes, w => w.State == cell);
                }
            }

            Assert.Equal(new StateWrite(module.Features, module.Layers.Count - 1), module.Writes[0]);
        }
    }

    [Fact]
    public void State_is_the_center_then_per_module_its_features_and_inner_recurrent_states_in_layer_order()
    {
        var plan = Plan(MixedModel);

        Assert.Equal(
            [
                "center", "a.features", "b.features", "b.lstm0.hidden", "b.lstm0.cell", "b.lstm1.cell", "c.features", "d.features",
            ],
            plan.State.Select(s => s.Name));
        Assert.Equal(StateRole.Center, plan.State[0].Role);
        Assert.Equal(plan.CenterSize, plan.State[0].Width);
    }

    [Fact]
    public void Heads_keep_output_order_timing_weight_and_their_loss_entry()
    {
        var layout = Layout(MixedModel);
        var plan = StepPlanner.Build(layout);
        var outputs = layout.Modules.SelectMany((m, i) => m.Outputs.Select(o => (Module: i, Output: o))).ToList();

        Assert.Equal(outputs.Count, plan.Heads.Count);
        for (var h = 0; h < outputs.Count; h++)
        {
            var (module, output) = outputs[h];
            var head = plan.Heads[h];
            var loss = Catalog.Loss(output.Loss);
            Assert.Equal((h, module, output.At, output.Weight, output.Size), (head.Index, head.Module, head.At, head.Weight, head.Size));
            Assert.Equal(new LossPlan(output.Loss, loss.Types, loss.Method, loss.Targets), head.Loss);
            Assert.Equal(Catalog.Head.Types, head.Types);
            Assert.Contains(h, plan.Modules[module].Heads);
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(SubstepPlan.MaxUnrolled, true)]
    [InlineData(SubstepPlan.MaxUnrolled + 1, false)]
    public void Few_substeps_are_unrolled_and_more_run_in_a_loop(int substeps, bool unrolled)
    {
        var plan = Plan(MixedModel.Replace("substeps: 2", $"substeps: {substeps}", StringComparison.Ordinal));

        Assert.Equal(new SubstepPlan(substeps, unrolled, Enumerable.Range(0, plan.Modules.Count).ToEquatableArray()), plan.Substeps);
    }

    [Fact]
    public void Inputs_are_indexed_in_step_order_and_modules_name_theirs_by_index()
    {
        var plan = Plan(MixedModel);

        Assert.Equal(["x", "t"], plan.Inputs.Select(i => i.Name));
        Assert.Equal([0, 1], plan.Inputs.Select(i => i.Index));
        Assert.Equal([0, 1], plan.Modules[0].InputIndices);
        Assert.Equal(4 + 7, plan.Modules[0].InputWidth);
        Assert.All(plan.Modules.Skip(1), m => Assert.Empty(m.InputIndices));
    }

    [Fact]
    public void Documentation_text_is_decided_in_the_plan_from_the_catalog_words()
    {
        var plan = Plan(MixedModel);

        Assert.Contains(Catalog.Reading(ReadingMechanism.FastSoftmax).Adjective, plan.Modules[1].Read.Summary, StringComparison.Ordinal);
        Assert.Contains("weighted by the module's previous features", plan.Modules[1].Read.Summary, StringComparison.Ordinal);
        Assert.Contains("LSTM cell", plan.Modules[1].Layers[0].Summary, StringComparison.Ordinal);
        Assert.Contains(Catalog.Loss(LossKind.Mse).HeadValues, plan.Heads[1].Summary, StringComparison.Ordinal);
        Assert.Contains("weight 0.5", plan.Heads[1].Summary, StringComparison.Ordinal);
    }

    private static readonly string CompetingModel = Yaml(
        "model: Competing",
        "inputs: { x: 4 }",
        "substeps: 2",
        "active: 2",
        "defaults: { reading: attention, context: 6, layers: [ff 5 relu, gru 5] }",
        "modules:",
        "  a: { role: input, inputs: [x] }",
        "  b: { role: side, layers: [gru 3, lstm 4] }",
        "  c:",
        "    role: output",
        "    outputs:",
        "      y: { size: 3 }");

    [Fact]
    public void Attention_reads_by_module_slices_and_competing_reads_give_their_null_weight()
    {
        var layout = Layout(CompetingModel);
        var plan = StepPlanner.Build(layout);

        Assert.Null(plan.FusedReads);
        for (var m = 0; m < plan.Modules.Count; m++)
        {
            var read = plan.Modules[m].Read;
            Assert.Equal(new ModuleSlicesPlan(
                layout.Modules.Select(x => x.CenterOffset).ToEquatableArray(),
                layout.Modules.Select(x => x.FeatureSize).ToEquatableArray(),
                m), read.Slices);
            Assert.Equal([layout.Modules[m].ContextSize], read.Sizes);
            Assert.True(read.NullWeight);
            Assert.Equal(ReaderInputs.Center, read.Arguments);
            Assert.Contains("null slot", read.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_active_attention_reads_like_any_reader_and_the_modules_stay_independent()
    {
        var plan = Plan(CompetingModel.Replace("active: 2\n", "", StringComparison.Ordinal));

        Assert.All(plan.Modules, m => Assert.False(m.Read.NullWeight));
        Assert.All(plan.Modules, m => Assert.Equal(ReaderInputs.Center | ReaderInputs.Features, m.Read.Arguments));
        Assert.Null(plan.Substeps.Active);
        Assert.True(plan.Substeps.ModulesIndependent);
    }

    [Fact]
    public void Active_keeps_every_state_entry_of_each_module_and_the_modules_are_not_split()
    {
        var plan = Plan(CompetingModel);

        var active = Assert.IsType<ActivePlan>(plan.Substeps.Active);
        Assert.Equal(2, active.K);
        Assert.False(plan.Substeps.ModulesIndependent);
        Assert.Equal([0, 1, 2], active.Kept.Select(k => k.Module));
        foreach (var kept in active.Kept)
        {
            var owned = Enumerable.Range(0, plan.State.Count).Where(i => plan.State[i].Module == kept.Module).ToArray();
            Assert.Equal(owned, kept.States);
        }

        // Module b: its features (the LSTM's output), its inner GRU's hidden state and the LSTM's cell.
        Assert.Equal([StateRole.Features, StateRole.Hidden, StateRole.Cell], active.Kept[1].States.Select(i => plan.State[i].Role));
    }
}
