using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// The data an analysis runs the model on: whole evaluations (for the averaged attention and the ablation) and one
/// example on its own (for the attention trace). One worker, the model itself: probes and ablation act on it alone.
/// </summary>
internal abstract class AnalysisData : IDisposable
{
    private readonly DataParallel<SequenceModel> _replicas;

    protected AnalysisData(ThalNetModel model)
    {
        Model = model;
        _replicas = new DataParallel<SequenceModel>(model, () => throw new InvalidOperationException("Analysis runs on one worker."), workers: 1);
    }

    protected ThalNetModel Model { get; }

    protected DataParallel<SequenceModel> Replicas => _replicas;

    /// <summary>Runs the model over the data (as far as the options allow) without gradients.</summary>
    public abstract EvaluationResult Evaluate();

    /// <summary>Steps of the traced example.</summary>
    public abstract int TraceSteps { get; }

    /// <summary>Runs the model, without gradients, on example <paramref name="example"/> alone.</summary>
    public void RunOne(int example)
    {
        var batch = new SequenceBatch(Model.Info, TraceSteps, 1);
        FillOne(example, batch);
        var tape = new Tape();
        Model.Train(false);
        try
        {
            using (tape.NoGrad())
            {
                Model.ComputeLoss(tape, batch);
            }
        }
        finally
        {
            Model.Train(true);
        }
    }

    public void Dispose() => _replicas.Dispose();

    protected abstract void FillOne(int example, SequenceBatch batch);

    public static AnalysisData Of(ThalNetModel model, ISequenceSource data, AnalysisOptions options) => new SequenceData(model, data, options);

    public static AnalysisData Of(ThalNetModel model, IStreamSource data, AnalysisOptions options) => new StreamData(model, data, options);

    private sealed class SequenceData : AnalysisData
    {
        private readonly ISequenceSource _data;
        private readonly SequenceEvaluator _evaluator;

        public SequenceData(ThalNetModel model, ISequenceSource data, AnalysisOptions options)
            : base(model)
        {
            if (data.Count == 0)
            {
                throw new ArgumentException($"The analysis data of model '{model.Info.Name}' has no examples.", nameof(data));
            }

            if (options.TraceExample >= data.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.TraceExample, $"TraceExample is {options.TraceExample}, but the data have {data.Count} examples (0 to {data.Count - 1}).");
            }

            _data = data;
            _evaluator = new SequenceEvaluator(Replicas, model.Info, options.BatchSize, options.MaxBatches);
        }

        public override int TraceSteps => _data.Steps;

        public override EvaluationResult Evaluate() => _evaluator.Evaluate(_data);

        protected override void FillOne(int example, SequenceBatch batch) => _data.Fill([example], batch);
    }

    private sealed class StreamData : AnalysisData
    {
        private readonly IStreamSource _data;
        private readonly StreamEvaluator _evaluator;

        public StreamData(ThalNetModel model, IStreamSource data, AnalysisOptions options)
            : base(model)
        {
            if (data.SegmentCount == 0)
            {
                throw new ArgumentException($"The analysis data of model '{model.Info.Name}' has no segments.", nameof(data));
            }

            if (options.TraceExample >= data.Streams)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.TraceExample, $"TraceExample is {options.TraceExample}, but the data have {data.Streams} streams (0 to {data.Streams - 1}).");
            }

            _data = data;
            _evaluator = new StreamEvaluator(Replicas, model.Info, options.MaxBatches);
        }

        public override int TraceSteps => _data.Steps;

        public override EvaluationResult Evaluate() => _evaluator.Evaluate(_data);

        protected override void FillOne(int example, SequenceBatch batch) => _data.Fill(0, example, batch);
    }
}
