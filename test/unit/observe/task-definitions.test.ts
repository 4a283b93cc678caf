import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearTaskDefinitionCache,
  describeTaskDefinitions,
} from '../../../lib/observe/task-definitions.js';
import { mockFleet } from './fleet-mock.js';

const WEB = 'arn:aws:ecs:us-east-1:111122223333:task-definition/web:3';

describe('task-definitions', () => {
  beforeEach(() => clearTaskDefinitionCache());

  it('describes a task definition once when it is asked for again', async () => {
    const { clients, mocks } = mockFleet();

    await describeTaskDefinitions(clients.ecs, [WEB, WEB]);
    const again = await describeTaskDefinitions(clients.ecs, [WEB]);

    expect(again.map((t) => t.taskDefinitionArn)).toEqual([WEB]);
    expect(mocks.ecs.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('leaves a revision out when ECS no longer knows it', async () => {
    const { clients, mocks } = mockFleet();
    mocks.ecs
      .on(DescribeTaskDefinitionCommand)
      .rejects(
        Object.assign(new Error('Unable to describe'), { name: 'ClientException' }),
      );

    const read = await describeTaskDefinitions(clients.ecs, [WEB]);

    expect(read).toEqual([]);
  });
});
