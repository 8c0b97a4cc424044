import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID } from 'type-graphql';

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

/** `String` (null or left out) of at most `maxLength` characters. */
export function OptionalTextField(maxLength: number, options: InputFieldOptions = {}): InputFieldDecorator {
  return (target, property) => {
    Field(() => String, { nullable: true, ...options })(target, property);
    MaxLength(maxLength)(target, property);
    IsOptional()(target, property);
  };
}
