// netstandard2.0 projects get no implicit usings.
global using System;
