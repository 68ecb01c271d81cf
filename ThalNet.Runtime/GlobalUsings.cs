// The spec's kinds (Activation, ReadingMechanism, LossKind, ModuleRole) and their catalog are the runtime's too.
global using ThalNet.Specs;
