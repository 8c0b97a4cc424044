import { allow } from 'graphql-shield';
import { Arg, Query, Resolver } from 'type-graphql';
import { entityReference } from '../src/entity-reference';
import { graphqlEnum, type EnumValue } from '../src/graphql-enum';
import { buildFederatedSchema } from '../src/schema';

const Colour = graphqlEnum('Colour', ['RED', 'GREEN', 'BLUE'], {
  description: 'A primary colour of light.',
  values: { GREEN: { description: 'The one in the middle.' } },
  public: ['RED', 'GREEN'],
});
type Colour = EnumValue<typeof Colour>;

@Resolver()
class ColourResolver {
  @Query(() => Colour)
  colour(@Arg('like', () => Colour, { defaultValue: Colour.RED }) like: Colour): Colour {
    return like;
  }
}

describe('graphqlEnum', () => {
  test('the values are their own names, in order, and cannot be changed', () => {
    expect(Colour.GREEN).toBe('GREEN');
    expect(Object.values(Colour)).toEqual(['RED', 'GREEN', 'BLUE']);
    expect(Object.isFrozen(Colour)).toBe(true);
  });

  test('is registered with type-graphql under its name, with its descriptions and the public tag on the public values only', async () => {
    // A federation subgraph has at least one entity (here a stub), or it has no `_entities`.
    const orphanedTypes = [entityReference('Thing')];
    const { sdl } = await buildFederatedSchema({ resolvers: [ColourResolver], orphanedTypes, references: {}, permissions: { Query: { colour: allow } } });
    const enumSdl = /"""A primary colour of light\."""\nenum Colour \{[^}]*\}/.exec(sdl)?.[0];
    expect(enumSdl).toBe(
      [
        '"""A primary colour of light."""',
        'enum Colour {',
        '  RED @tag(name: "public")',
        '',
        '  """The one in the middle."""',
        '  GREEN @tag(name: "public")',
        '  BLUE',
        '}',
      ].join('\n'),
    );
    expect(sdl).toContain('colour(like: Colour! = RED): Colour!');
  });
});
