using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Data;

namespace Egalis.Web.Features.Plan.Indicateurs;


/// <summary>The providers registered by the modules, by code.</summary>
public sealed class RegistreIndicateurs(IEnumerable<IIndicateurCalcule> calculs)
{
    private readonly Dictionary<string, IIndicateurCalcule> _parCode = calculs.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<IIndicateurCalcule> Tous => _parCode.Values;

    public IIndicateurCalcule? Find(string? code) => code is not null && _parCode.TryGetValue(code, out var c) ? c : null;
}
