using NetTopologySuite.Geometries;

namespace CityHall.Web.Platform.City;

/// <summary>
/// Longitude/latitude to metres on a plane around a point (the city's map centre): x east, y north, with the WGS84
/// ellipsoid's length of a degree at that latitude. Over a city (Seoul spans 0.3° of latitude) lengths stay within a
/// few tenths of a percent, enough to measure areas and buffer points by metres with NetTopologySuite, which works on
/// a plane.
/// </summary>
public sealed class LocalProjection
{
    private readonly double originLatitude, originLongitude;

    public LocalProjection(double latitude, double longitude)
    {
        (originLatitude, originLongitude) = (latitude, longitude);
        var phi = latitude * Math.PI / 180;
        MetresPerDegreeLatitude = 111_132.92 - 559.82 * Math.Cos(2 * phi) + 1.175 * Math.Cos(4 * phi);
        MetresPerDegreeLongitude = 111_412.84 * Math.Cos(phi) - 93.5 * Math.Cos(3 * phi);
    }

    public double MetresPerDegreeLatitude { get; }
    public double MetresPerDegreeLongitude { get; }

    public Coordinate ToPlane(double latitude, double longitude) =>
        new((longitude - originLongitude) * MetresPerDegreeLongitude, (latitude - originLatitude) * MetresPerDegreeLatitude);

    /// <summary>A copy of a longitude/latitude geometry in metres on the plane.</summary>
    public Geometry ToPlane(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ToPlaneFilter(this));
        return copy;
    }

    private sealed class ToPlaneFilter(LocalProjection projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var plane = projection.ToPlane(seq.GetY(i), seq.GetX(i));
            seq.SetX(i, plane.X);
            seq.SetY(i, plane.Y);
        }
    }
}
