using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CityHall.Tests.Architecture;

/// <summary>
/// The rules of ../shared/DESIGN.md, checked on the compiled web assembly, Razor views included:
/// Platform never uses a module; a module uses other modules only through their Contracts. Every
/// type a type mentions is looked at — signatures, attributes, locals, and every type, method and
/// field its code touches — so a reference written with a relative name or a using alias is seen
/// as well as a fully qualified one.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Modules = "CityHall.Web.Modules.";
    private const string Platform = "CityHall.Web.Platform";

    private static readonly string WebRoot = CityHall.Tests.Infrastructure.Repository.WebRoot;
    private static readonly Lazy<ModuleDefinition> Web = new(() =>
        ModuleDefinition.ReadModule(typeof(CityHall.Web.Data.AppDbContext).Assembly.Location));


    /// <summary>Where a type's code lives: "Platform", a module's name, or null for the rest (Program, Data).</summary>
    private static string? OwnerOf(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        // Razor views compile into one namespace, named after their path: Modules_Places_Public_Detail.
        if (type.Namespace == "AspNetCoreGeneratedDocument")
        {
            var parts = type.Name.Split('_');
            return parts switch
            {
                ["Modules", var module, ..] => module,
                ["Platform", ..] => "Platform",
                _ => null,
            };
        }
        if (type.Namespace == Platform || type.Namespace.StartsWith(Platform + ".", StringComparison.Ordinal)) return "Platform";
        return type.Namespace.StartsWith(Modules, StringComparison.Ordinal) ? type.Namespace[Modules.Length..].Split('.')[0] : null;
    }

    /// <summary>Every type the type's definition and code mention, as namespaces of the outermost types (generic arguments included).</summary>
    private static IEnumerable<string> NamespacesUsedBy(TypeDefinition type)
    {
        var seen = new List<TypeReference?>();
        void Attributes(ICustomAttributeProvider p) { foreach (var a in p.CustomAttributes) seen.Add(a.AttributeType); }
        void Method(MethodReference m)
        {
            seen.Add(m.DeclaringType);
            seen.Add(m.ReturnType);
            foreach (var p in m.Parameters) seen.Add(p.ParameterType);
            if (m is GenericInstanceMethod g) seen.AddRange(g.GenericArguments);
        }
        foreach (var t in new[] { type }.Concat(NestedOf(type)))
        {
            seen.Add(t.BaseType);
            seen.AddRange(t.Interfaces.Select(i => i.InterfaceType));
            Attributes(t);
            foreach (var f in t.Fields) { seen.Add(f.FieldType); Attributes(f); }
            foreach (var p in t.Properties) { seen.Add(p.PropertyType); Attributes(p); }
            foreach (var m in t.Methods)
            {
                Method(m);
                Attributes(m);
                foreach (var p in m.Parameters) Attributes(p);
                if (!m.HasBody) continue;
                seen.AddRange(m.Body.Variables.Select(v => v.VariableType));
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference r: seen.Add(r); break;
                        case MethodReference r: Method(r); break;
                        case FieldReference r: seen.Add(r.DeclaringType); seen.Add(r.FieldType); break;
                    }
                }
            }
        }
        return seen.SelectMany(Expand).Select(NamespaceOf).Distinct();
    }

    private static IEnumerable<TypeDefinition> NestedOf(TypeDefinition type) => type.NestedTypes.SelectMany(n => new[] { n }.Concat(NestedOf(n)));

    private static IEnumerable<TypeReference> Expand(TypeReference? type) => type switch
    {
        null or GenericParameter => [],
        GenericInstanceType g => Expand(g.ElementType).Concat(g.GenericArguments.SelectMany(Expand)),
        TypeSpecification s => Expand(s.ElementType),
        _ => [type],
    };

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Namespace;
    }

    /// <summary>"Owner uses namespace" for every type of the web assembly.</summary>
    private static IEnumerable<(string Owner, string Type, string Uses)> References() =>
        from type in Web.Value.Types
        let owner = OwnerOf(type)
        where owner is not null
        from used in NamespacesUsedBy(type)
        select (owner, type.FullName, used);

    [Fact]
    public void Platform_never_references_a_module()
    {
        var offenders = References().Where(r => r.Owner == "Platform" && r.Uses.StartsWith(Modules, StringComparison.Ordinal))
            .Select(r => $"{r.Type} uses {r.Uses}").Distinct().ToList();
        Assert.True(offenders.Count == 0, "Platform uses Modules: " + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Modules_use_each_other_only_through_Contracts()
    {
        var offenders = References()
            .Where(r => r.Owner != "Platform" && r.Uses.StartsWith(Modules, StringComparison.Ordinal))
            .Where(r => r.Uses[Modules.Length..].Split('.') is var parts && parts[0] != r.Owner && (parts.Length < 2 || parts[1] != "Contracts"))
            .Select(r => $"{r.Type} ({r.Owner}) uses {r.Uses}").Distinct().ToList();
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void The_boundary_check_sees_references_written_with_relative_names_and_in_views()
    {
        // Guards the guard. The places page reaches the service requests' contracts by a relative name
        // (allowed), and every module's views use its own types: both must be seen.
        var references = References().ToList();
        Assert.Contains(references, r => r.Owner == "Places" && r.Uses == Modules + "ServiceRequests.Contracts");
        Assert.Contains(references, r => r.Type.StartsWith("AspNetCoreGeneratedDocument.Modules_Petitions_", StringComparison.Ordinal) && r.Uses.StartsWith(Modules + "Petitions", StringComparison.Ordinal));
        // Program wires every module up: a reference from outside both rules is seen too, and not judged.
        var program = Web.Value.Types.Single(t => t.Name == "Program");
        Assert.Contains(NamespacesUsedBy(program), n => n.StartsWith(Modules, StringComparison.Ordinal));
        Assert.Null(OwnerOf(program));
    }

    [Fact]
    public void Every_module_has_a_README_and_a_module_file()
    {
        foreach (var moduleDir in Directory.GetDirectories(Path.Combine(WebRoot, "Modules")))
        {
            var module = Path.GetFileName(moduleDir);
            Assert.True(File.Exists(Path.Combine(moduleDir, "README.md")), $"{module} has no README.md");
            Assert.True(File.Exists(Path.Combine(moduleDir, $"{module}Module.cs")), $"{module} has no {module}Module.cs");
        }
    }
}
