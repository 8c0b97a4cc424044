import { ArrayMaxSize, IsOptional, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID } from 'type-graphql';
import { IsPositiveMoney, MoneyInput } from './money';
import { IsCode, type CodeOptions } from './validators';

/**
 * Input fields that are always declared the same way, each one decorator: the GraphQL field and
 * its validation together. Being property decorators, they keep the fields in declaration order.
 */
export interface InputFieldOptions {
  description?: string;
}

type InputFieldDecorator = (target: object, property: string) => void;

/** `ID!`, which must be a UUID. */
export function IdField(options: InputFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    Field(() => ID, options)(target, property);
    IsUUID()(target, property);
  };
}

/** `ID` (null or left out), which must otherwise be a UUID. */
export function OptionalIdField(options: InputFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    Field(() => ID, { nullable: true, ...options })(target, property);
    IsUUID()(target, property);
    IsOptional()(target, property);
  };
}

/** A field of type `type` that may be null or left out; validation the field needs beyond that goes next to it. */
export function OptionalField(type: () => unknown, options: InputFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    Field(type as () => object, { nullable: true, ...options })(target, property);
    IsOptional()(target, property);
  };
}

/** `String!` holding a code or identifier (kit's one code rule, `IsCode`) of at most `maxLength` characters. */
export function CodeField(maxLength: number, options: CodeOptions & InputFieldOptions = {}): InputFieldDecorator {
  const { description, ...rule } = options;
  return (target, property) => {
    Field(() => String, description === undefined ? {} : { description })(target, property);
    IsCode(maxLength, rule)(target, property);
  };
}

/** A code as {@link CodeField} that may be null or left out. */
export function OptionalCodeField(maxLength: number, options: CodeOptions & InputFieldOptions = {}): InputFieldDecorator {
  const { description, ...rule } = options;
  return (target, property) => {
    OptionalField(() => String, description === undefined ? {} : { description })(target, property);
    IsCode(maxLength, rule)(target, property);
  };
}

export interface TextFieldOptions extends InputFieldOptions {
  /** the fewest characters a given value may have (1: not empty) */
  minLength?: number;
}

/** `String` (null or left out) of at most `maxLength` characters, and at least `minLength` when given. */
export function OptionalTextField(maxLength: number, { minLength, ...options }: TextFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    Field(() => String, { nullable: true, ...options })(target, property);
    (minLength === undefined ? MaxLength(maxLength) : Length(minLength, maxLength))(target, property);
    IsOptional()(target, property);
  };
}

/** `MoneyInput!` above zero (a price, a payment); described as such unless `options` say otherwise. */
export function PositiveMoneyField(options: InputFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    IsPositiveMoney()(target, property);
    ValidateNested()(target, property);
    Field(() => MoneyInput, { description: 'Above zero.', ...options })(target, property);
  };
}

/** `MoneyInput` (null or left out), otherwise above zero; described as such unless `options` say otherwise. */
export function OptionalPositiveMoneyField(options: InputFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    IsPositiveMoney()(target, property);
    ValidateNested()(target, property);
    IsOptional()(target, property);
    Field(() => MoneyInput, { nullable: true, description: 'Above zero.', ...options })(target, property);
  };
}

/** `[T!]` (null or left out) of at most `maxItems` input objects, each validated. */
export function OptionalInputListField(type: () => new () => object, maxItems: number, options: InputFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    ValidateNested({ each: true })(target, property);
    ArrayMaxSize(maxItems)(target, property);
    IsOptional()(target, property);
    Field(() => [type()], { nullable: true, ...options })(target, property);
  };
}
