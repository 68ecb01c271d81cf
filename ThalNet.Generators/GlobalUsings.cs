// netstandard2.0 projects get no implicit usings.
global using System;
global using System.Collections.Generic;
global using System.Collections.Immutable;
global using System.Linq;
global using System.Threading;
global using ThalNet.Specs;
