import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Documents `{ data: Model[], nextCursor }` for a cursor-paged list; `items` when an item's schema
 * depends on the caller (a oneOf of views).
 */
export const ApiPageResponse = (model: Type<unknown>, items: object = { $ref: getSchemaPath(model) }) =>
  applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['data', 'nextCursor'],
        properties: {
          data: { type: 'array', items },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'Pass as `cursor` for the next page; null on the last page',
          },
        },
      },
    }),
  );
