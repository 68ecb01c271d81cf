using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>
/// The names spec names may not take and the user's part of a model class may not declare are the names the
/// generator emits and the members of the runtime's base classes: both compared with what they describe, so the
/// lists cannot drift from the code.
/// </summary>
public partial class ReservedNameTests
{
    [Fact]
    public void Base_class_members_are_the_runtime_types_members_by_reflection()
    {
        var bases = new[] { typeof(Runtime.Models.ThalNetModel), typeof(TorchSharp.Models.TorchThalNetModel) };
        var reflected = bases
            .SelectMany(Hierarchy)
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(IsVisibleToDerived)
            .Select(member => member.Name)
            .Where(name => PascalName().IsMatch(name))
            .ToHashSet();

        // As one line, so a failure shows every name to add or drop.
        Assert.Equal(string.Join(", ", reflected.Order(StringComparer.Ordinal)), string.Join(", ", GeneratedMemberNames.BaseClassMembers.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Generated_model_classes_declare_only_listed_names_and_every_listed_name_is_declared()
    {
        var declared = new HashSet<string>();
        foreach (var spec in TestSpecs.Names)
        {
            var result = GeneratorHarness.Run(GeneratorHarness.CompilationWithTorchSharp(), GeneratorHarness.Driver([TestSpecs.File(spec)]));
            foreach (var tree in result.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
            {
                var model = result.Output.GetSemanticModel(tree);
                var type = (INamedTypeSymbol)model.GetDeclaredSymbol(tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First())!;
                var modules = type.GetTypeMembers().Where(t => t.Name.EndsWith("Module", StringComparison.Ordinal) && t.Name != "Module").Select(t => t.Name[..^"Module".Length]).ToList();
                var fromSpec = modules.SelectMany(m => new[] { m, m + "Module", "_" + char.ToLowerInvariant(m[0]) + m[1..] }).ToHashSet();
                foreach (var member in type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { AssociatedSymbol: not null } && m.Name != ".ctor" && !fromSpec.Contains(m.Name)))
                {
                    Assert.Contains(member.Name, GeneratedMemberNames.ModelClass);
                    declared.Add(member.Name);
                }
            }
        }

        Assert.Empty(GeneratedMemberNames.ModelClass.Except(declared));
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("runs-module-groups")]
    [InlineData("run-sequence")]
    public void A_module_named_like_a_base_class_member_is_refused_at_its_name(string module)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml("Spec.thalnet.yaml", DiagnosticTests.Valid(7, "    inputs: [x]", $"  {module}: {{ role: side }}"))]);

        var pascal = CSharpNames.ToPascalCase(module);
        Assert.Equal([$"THAL0006 error Spec.thalnet.yaml(8,3): Module '{module}' becomes '{pascal}' in C#, which is reserved for a generated member"], result.DiagnosticLines);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Every_reserved_name_is_refused_as_a_module_name()
    {
        foreach (var name in CSharpNames.ReservedMemberNames.Where(n => PascalName().IsMatch(n)))
        {
            var module = KebabName().Replace(name, "-$0").ToLowerInvariant();
            var result = GeneratorHarness.Run([GeneratorHarness.Yaml("Spec.thalnet.yaml", DiagnosticTests.Valid(7, "    inputs: [x]", $"  {module}: {{ role: side }}"))]);

            Assert.Contains(result.RunResult.Diagnostics, d => d.Id == "THAL0006");
        }
    }

    private static IEnumerable<Type> Hierarchy(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static bool IsVisibleToDerived(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisibleToDerived),
        EventInfo e => e.AddMethod is { } add && IsVisibleToDerived(add),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
        _ => false,
    };

    /// <summary>Every capital letter but the first, where a spec name in kebab case puts a '-'.</summary>
    [GeneratedRegex("(?<!^)[A-Z]")]
    private static partial Regex KebabName();

    /// <summary>A name a spec name can become: a capital letter, then letters and digits.</summary>
    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalName();
}
